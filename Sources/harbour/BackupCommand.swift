import ArgumentParser
import EventStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to DEST while it is in use, compacting it, then verify the copy's chain.",
        discussion: """
            DEST must be a new or empty folder. Appends may continue during the copy; the copy
            holds every event committed when it started, the data keys that open its sealed
            personal fields (DEST/keys, still wrapped by the master key, without the keys of
            anyone erased) and the ballot keys of elections still open (DEST/ballot-keys).
            Both are owner-only: keep the backup as safe as the data folder, and the master key
            apart from it.

            Example:
              harbour backup /backups/harbour-2026-03-31 --data /srv/harbour
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("A new or empty folder for the copy.", valueName: "DEST"))
    var destination: String

    func run() async throws {
        let store = try options.openStore()
        if !options.quiet { Terminal.writeError("backup: copying \(store.headPosition.grouped) events to \(destination)\n") }
        let report: VerificationReport
        let dataKeys: Int?
        do {
            let keysBefore = KeyFolders.snapshot(of: options.dataFolder)
            report = try await store.backup(to: destination)
            try KeyFolders.write([keysBefore, KeyFolders.snapshot(of: options.dataFolder)], to: destination)
            dataKeys = try await copyDataKeys()
        } catch let error as EventStoreError {
            await store.close()
            throw CommandFailure(.failure, "backup to \(destination) failed: \(error)")
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        if let dataKeys, !options.quiet { Terminal.writeError("backup: copied \(dataKeys.grouped) data keys\n") }
        try VerifyCommand.conclude(report, what: "backup in \(destination)")
    }

    /// The key database, copied after the log so it holds every key the log copy uses.
    private func copyDataKeys() async throws -> Int? {
        let copiedLog = try StoreFiles.open(destination, create: false)
        do {
            let copied = try KeyDatabaseBackup.backUp(options.dataFolder, to: destination, copiedLog: copiedLog)
            await copiedLog.close()
            return copied
        } catch {
            await copiedLog.close()
            throw error
        }
    }
}
