import ArgumentParser
import EventStore
import Projections

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List who recorded what and when, filtered by client, actor, event type and dates.",
        discussion: """
            One line per event: position, recorded-at, actor, event type, stream.

            Examples:
              harbour audit --client c-000042
              harbour audit --actor u-worker-03 --from 2025-06-01 --to 2025-06-30
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("A client id.", valueName: "ID")) var client: String?
    @Option(help: ArgumentHelp("A user id.", valueName: "U")) var actor: String?
    @Option(help: ArgumentHelp("An event type.", valueName: "T")) var type: String?
    @Option(help: ArgumentHelp("Recorded at or after (date or date-time).", valueName: "DATE")) var from: String?
    @Option(help: ArgumentHelp("Recorded at or before (a plain date includes that whole day, UTC).", valueName: "DATE")) var to: String?

    /// Entries fetched per page.
    static let pageSize = 1_000

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, Timestamp(iso8601: value) == nil {
                throw ValidationError("\(name): '\(value)' is not a date such as 2025-06-01 or 2025-06-01T17:00:00Z")
            }
        }
    }

    func run() async throws {
        var through = to.flatMap(Timestamp.init(iso8601:))
        if let to, to.count == 10 { through?.microsecondsSinceEpoch += 86_400_000_000 - 1 }
        let filter = AuditFilter(clientId: client, actor: actor, eventType: type, from: from.flatMap(Timestamp.init(iso8601:)), through: through)
        let count = try await options.withProjections(catchUp: true) { _, host in
            let models = await host.models
            var after: UInt64 = 0
            var count = 0
            while true {
                let page = try models.auditTrail(filter: filter, after: after, pageSize: Self.pageSize)
                for entry in page.entries {
                    Terminal.print("\(entry.position)\t\(entry.recordedAt.iso8601)\t\(entry.actor)\t\(entry.eventType)\t\(entry.streamId)")
                }
                count += page.entries.count
                guard let next = page.nextAfter else { return count }
                after = next
            }
        }
        if !options.quiet { Terminal.writeError("\(count.grouped) events\n") }
    }
}
