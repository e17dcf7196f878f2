import ArgumentParser
import Casework
import EventStore
import Events
import Foundation
import Privacy

/// `harbour privacy`: the master key, erasure and legal holds.
struct PrivacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Master key, erasure (crypto-shredding) and legal holds.",
        discussion: """
            Personal fields are sealed with per-stream data keys kept in <data>/keys, each wrapped by
            the master key named by HARBOUR_MASTER_KEY_FILE (a file of mode 0600) or given in
            HARBOUR_MASTER_KEY (64 hex digits). Erasing a client destroys their keys: nothing personal
            of theirs can be read again, while reports keep counting them anonymously.

            Example:
              harbour privacy new-master-key --file ~/.harbour-master.key
              harbour privacy access-export c-0042 --format html --out c-0042.html
              harbour privacy hold c-0042 --hold-id ircc-2025 --reason "IRCC contract retention until 2031-03-31"
              harbour privacy release c-0042 --hold-id ircc-2025
              harbour privacy erase c-0042 --reference PR-2026-014
              harbour privacy rotate-master-key --new-key-file ~/.harbour-master-2.key
              harbour privacy retention-report --as-of 2032-04-01
              harbour privacy retention-run
            """,
        subcommands: [
            PrivacyAccessExport.self, PrivacyNewMasterKey.self, PrivacyRotateMasterKey.self, PrivacyErase.self, PrivacyHold.self,
            PrivacyRelease.self, PrivacyRetentionReport.self, PrivacyRetentionRun.self,
        ])

    /// Runs `body` with a casework service that seals with the folder's keys, closing the store
    /// after; a refusal is one line and exit status 1.
    static func withService<T>(_ options: GlobalOptions, _ body: (CaseworkService, KeyRing) async throws -> T) async throws -> T {
        let keys = try KeyAccess.keyRing(dataFolder: options.dataFolder)
        return try await options.withStore { store in
            let service = CaseworkService(log: store, timeZone: .current, keys: keys)
            do {
                return try await body(service, keys)
            } catch let error as DomainError {
                throw CommandFailure(.failure, "\(error.field): \(error.problem)")
            }
        }
    }
}

struct PrivacyNewMasterKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-master-key", abstract: "Write a new random master key to a file of mode 0600 (never overwrites).")

    @Option(help: ArgumentHelp("Where to write it: outside the data folder, backed up apart from it.", valueName: "PATH"))
    var file: String

    func run() async throws {
        do {
            _ = try MasterKey.create(file: file)
        } catch {
            throw CommandFailure(.failure, error.description)
        }
        Terminal.print("wrote a new master key to \(file) (mode 0600); use it with \(MasterKey.fileVariable)=\(file)")
    }
}

struct PrivacyRotateMasterKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-master-key",
        abstract: "Re-wrap every data key with a new master key (make it first with new-master-key).",
        discussion: """
            The current key comes from HARBOUR_MASTER_KEY_FILE or HARBOUR_MASTER_KEY. Every data key
            is re-wrapped in one transaction and the key database is compacted, so no copy wrapped by
            the old key stays in it. From then on only the new key opens <data>/keys (copies of the
            key database taken before still need the old one).
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("The new master key file (mode 0600).", valueName: "PATH"))
    var newKeyFile: String

    func run() async throws {
        let newKey: MasterKey
        do {
            newKey = try MasterKey.read(file: newKeyFile)
        } catch {
            throw CommandFailure(.usage, error.description)
        }
        let keys = try KeyAccess.keyRing(dataFolder: options.dataFolder)
        let count = try keys.rotateMasterKey(to: newKey)
        Terminal.print("re-wrapped \(count) data keys with \(newKeyFile); set \(MasterKey.fileVariable)=\(newKeyFile) from now on")
    }
}

struct PrivacyErase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a client's personal data: record who, when and why, then destroy their data keys.",
        discussion: "Refused while a legal hold is in force (the message names it).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The client's id.")
    var clientId: String

    @Option(help: "The request's reference, e.g. a ticket number (never personal data).")
    var reference: String

    @Option(help: ArgumentHelp("Why: \(ErasureGround.codes.joined(separator: " or ")).", valueName: "GROUND"))
    var ground = ErasureGround.privacyRequest.rawValue

    func validate() throws {
        guard ErasureGround(rawValue: ground) != nil else {
            throw ValidationError("--ground: '\(ground)' is not one of \(ErasureGround.codes.joined(separator: ", "))")
        }
    }

    func run() async throws {
        let command = EraseClient(
            actor: UsersCommand.terminalAdministrator, clientId: ClientID(clientId), ground: ErasureGround(rawValue: ground)!,
            reference: reference)
        let outcome = try await PrivacyCommand.withService(options) { service, _ in try await service.erase(command) }
        let erased = outcome.events.first as? PersonalDataErased
        Terminal.print("erased client \(clientId) on \(erased.map { "\($0.erasedOn)" } ?? "today"): its data keys are destroyed")
    }
}

struct PrivacyHold: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold", abstract: "Place a legal hold on a client's records: erasure is refused until it is released.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The client's id.")
    var clientId: String

    @Option(help: "Names the hold (letters, digits, '-', '_', '.').")
    var holdId: String

    @Option(help: "Why, e.g. the contract and the date retention ends (never personal data).")
    var reason: String

    func run() async throws {
        let command = PlaceLegalHold(actor: UsersCommand.terminalAdministrator, clientId: ClientID(clientId), holdId: holdId, reason: reason)
        _ = try await PrivacyCommand.withService(options) { service, _ in try await service.execute(command) }
        Terminal.print("placed legal hold \(holdId) on client \(clientId)")
    }
}

struct PrivacyRelease: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Release a legal hold.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The client's id.")
    var clientId: String

    @Option(help: "The hold to release.")
    var holdId: String

    func run() async throws {
        let command = ReleaseLegalHold(actor: UsersCommand.terminalAdministrator, clientId: ClientID(clientId), holdId: holdId)
        _ = try await PrivacyCommand.withService(options) { service, _ in try await service.execute(command) }
        Terminal.print("released legal hold \(holdId) on client \(clientId)")
    }
}

struct PrivacyAccessExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access-export",
        abstract: "Everything held about one client (an access request): every event of theirs, opened, and who viewed their file.",
        discussion: "JSON for machines, or one print-ready HTML page for the person who asked.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The client's id.")
    var clientId: String

    @Option(help: "json or html.")
    var format = "json"

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var out: String?

    func validate() throws {
        guard ["json", "html"].contains(format) else { throw ValidationError("--format: '\(format)' is not json or html") }
    }

    func run() async throws {
        let keys = try KeyAccess.keyRing(dataFolder: options.dataFolder)
        let export = try await options.withStore { store in
            do {
                return try AccessRequestExport.read(
                    clientId: ClientID(clientId), from: store, registry: EventRegistry.standard.opening(with: keys))
            } catch let error as DomainError {
                throw CommandFailure(.failure, "\(error.field): \(error.problem)")
            }
        }
        let bytes = format == "json" ? try export.json() : Data(export.html().utf8)
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
                throw CommandFailure(.failure, "\(out): cannot be written")
            }
            Terminal.print("wrote \(export.events.count) records and \(export.views.count) file views of client \(clientId) to \(out)")
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }
}
