import ArgumentParser
import EventStore
import Foundation

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the data folder's store with a verified copy of the backup in SRC.",
        discussion: """
            The backup (with the data keys and ballot keys it holds) is copied and its chain
            verified before anything is replaced; the restored data keys open with the master
            key of the backup's time (after a rotation, the key file the rotation wrote). A data
            folder that holds a store is replaced only with --force, and its old store (keys
            included) is kept beside it as DIR.replaced-<time>, never deleted. Stop the server
            first.

            Example:
              harbour restore /backups/harbour-2026-03-31 --data /srv/harbour --force
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("A folder made by `harbour backup`.", valueName: "SRC"))
    var source: String

    @Flag(help: "Replace a store that is already in the data folder (it is kept beside it).")
    var force = false

    func run() async throws {
        let folder = options.dataFolder
        guard StoreFiles.holdsStore(source) else { throw CommandFailure(.dataFolder, "\(source) holds no Harbour store to restore") }
        if options.storeExists, !force {
            throw CommandFailure(.dataFolder, "\(folder) already holds a store: pass --force to replace it (it will be kept as \(folder).replaced-<time>)")
        }
        let staging = folder + ".restoring"
        try? FileManager.default.removeItem(atPath: staging)
        let backup = try StoreFiles.open(source, create: false)
        let report: VerificationReport
        do {
            report = try await backup.backup(to: staging)
        } catch {
            await backup.close()
            try? FileManager.default.removeItem(atPath: staging)
            throw CommandFailure(.failure, "could not copy \(source): \(error)")
        }
        await backup.close()
        guard report.isIntact else {
            try? FileManager.default.removeItem(atPath: staging)
            try VerifyCommand.conclude(report, what: "backup")
            return
        }
        let dataKeys: Int?
        do {
            try KeyFolders.write([KeyFolders.snapshot(of: source)], to: staging)
            dataKeys = try KeyDatabaseBackup.restore(source, into: staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        try swapIn(staging, at: folder)
        let keys = dataKeys.map { " and \($0.grouped) data keys" } ?? " (the backup holds no data keys)"
        Terminal.print("restored \(report.eventsChecked.grouped) events\(keys) from \(source) into \(folder); chain intact")
    }

    private func swapIn(_ staging: String, at folder: String) throws {
        if FileManager.default.fileExists(atPath: folder) {
            let aside = "\(folder).replaced-\(Timestamp.now().iso8601.replacingOccurrences(of: ":", with: "-"))"
            try FileManager.default.moveItem(atPath: folder, toPath: aside)
            Terminal.print("the previous store is kept in \(aside)")
        }
        try FileManager.default.moveItem(atPath: staging, toPath: folder)
    }
}
