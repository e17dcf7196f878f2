import ArgumentParser
import EventStore
import Foundation
import Projections


struct ProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "List the read models: name, version, checkpoint and lag behind the log.",
        discussion: """
            Shows where each model stands without bringing it up to date (the server, or
            `harbour rebuild`, does that).

            Example:
              harbour projections --data /srv/harbour
            """)

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let statuses = try await options.withProjections(catchUp: false) { _, host in await host.status() }
        Self.printTable(statuses)
    }

    static func printTable(_ statuses: [ProjectionStatus]) {
        Terminal.print("name         version  checkpoint  lag")
        for status in statuses {
            let shadow = status.rebuildingInShadow ? "  (rebuilding in a shadow)" : ""
            Terminal.print(
                status.name.padding(toLength: 13, withPad: " ", startingAt: 0) + "\(status.version)".padding(toLength: 9, withPad: " ", startingAt: 0)
                    + status.checkpoint.grouped.padding(toLength: 12, withPad: " ", startingAt: 0) + status.lag.grouped + shadow)
        }
    }
}

struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Throw away read models and rebuild them from the whole log (all when no NAME is given).",
        discussion: """
            Example:
              harbour rebuild funder caseload --data /srv/harbour
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("Projections to rebuild: \(ProjectionNames.all.joined(separator: ", ")).", valueName: "NAME"))
    var names: [String] = []

    func validate() throws { try ProjectionNames.check(names, option: "NAME") }

    func run() async throws {
        let statuses = try await options.withProjections(catchUp: false) { _, host in
            try await host.rebuild(names: names)
            return await host.status()
        }
        ProjectionsCommand.printTable(statuses)
    }
}

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Show the read models as they stood at a date or position (compliance replay), without touching the live ones.",
        discussion: """
            Folds the log up to --until into fresh models in memory and prints, per projection,
            its tables with their rows and facts. A plain date includes that whole day (UTC).

            Example:
              harbour replay --until 2025-03-31 --projection funder --data /srv/harbour
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("A position, or a date/time.", valueName: "DATE|POSITION"))
    var until: String

    @Option(help: ArgumentHelp("Only this projection.", valueName: "NAME"))
    var projection: String?

    func validate() throws {
        if UInt64(until) == nil, Timestamp(iso8601: until) == nil {
            throw ValidationError("--until: '\(until)' is neither a position nor a date such as 2025-03-31 or 2025-03-31T17:00:00Z")
        }
        try ProjectionNames.check(projection.map { [$0] } ?? [], option: "--projection")
    }

    func run() async throws {
        try await options.withStore { store in
            let position = try UntilArgument.position(until, in: store)
            let models = try ReadModels.asOf(position: position, store: store)
            Terminal.print("read models as of position \(position.grouped) (\(try store.event(at: position)?.recordedAt.iso8601 ?? "empty log")):")
            for name in projection.map({ [$0] }) ?? ProjectionNames.all {
                Terminal.print("\(name):")
                for table in try ProjectionNames.summary(of: models, projection: name) {
                    Terminal.print("  " + table.table.padding(toLength: 22, withPad: " ", startingAt: 0) + "\(table.rows.grouped) rows, \(table.facts.grouped) facts")
                }
            }
        }
    }
}

/// `--until DATE|POSITION`, shared by export and replay.
enum UntilArgument {
    /// The last position at or before `text`: a position (capped at the head), or the last
    /// event recorded at or before a date-time (a plain date means the end of that day, UTC).
    static func position(_ text: String, in store: EventStore) throws -> UInt64 {
        if let position = UInt64(text) { return min(position, store.headPosition) }
        guard var limit = Timestamp(iso8601: text) else {
            throw ValidationError("--until: '\(text)' is neither a position nor a date such as 2025-03-31 or 2025-03-31T17:00:00Z")
        }
        if text.count == 10 { limit.microsecondsSinceEpoch += 86_400_000_000 - 1 }
        return try store.position(recordedAtOrBefore: limit)
    }
}
