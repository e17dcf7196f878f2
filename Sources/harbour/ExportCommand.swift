import AgencyHistory
import ArgumentParser
import EventStore
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the log (or one stream) as JSON Lines that `harbour import` reads back byte for byte.",
        discussion: """
            Each line is one event's whole envelope with its payload; see docs/cli.md. Exporting
            a log and importing it into an empty store reproduces the same hash chain.

            Examples:
              harbour export --out all.jsonl
              harbour export --stream client-c-000042 --until 2025-03-31
              harbour export --until 250000 --out first-quarter-million.jsonl
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("Export only this stream.", valueName: "STREAM"))
    var stream: String?

    @Option(help: ArgumentHelp("Last event to export: a position, or a date/time (events recorded up to it; a plain date includes that whole day, UTC).", valueName: "DATE|POSITION"))
    var until: String?

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var out: String?

    func validate() throws {
        if let until, UInt64(until) == nil, Timestamp(iso8601: until) == nil {
            throw ValidationError("--until: '\(until)' is neither a position nor a date such as 2025-03-31 or 2025-03-31T17:00:00Z")
        }
    }

    func run() async throws {
        let written = try await options.withStore { store in try export(store) }
        if let out, !options.quiet { Terminal.writeError("exported \(written.grouped) events to \(out)\n") }
    }

    private func export(_ store: EventStore) throws -> UInt64 {
        let last = try lastPosition(store)
        let writer = try out.map { try JSONLinesWriter(path: $0) } ?? JSONLinesWriter(handle: .standardOutput)
        let progress = ProgressReport("export", total: last, quiet: options.quiet || out == nil)
        var written: UInt64 = 0
        let write = { (event: RecordedEvent) throws in
            try writer.write(EventLineEncoder.line(event))
            written += 1
            progress.update(written)
        }
        if let stream {
            guard try store.streamVersion(stream) != nil else {
                throw CommandFailure(.failure, "--stream: no stream named \(stream) in \(options.dataFolder)")
            }
            for event in try store.readStream(stream) where event.position <= last { try write(event) }
        } else if last > 0 {
            try store.scan(from: 1) { event in
                guard event.position <= last else { return false }
                try write(event)
                return event.position < last
            }
        }
        try writer.close()
        progress.finish()
        return written
    }

    /// The last position to export: --until as a position or date, else the head.
    private func lastPosition(_ store: EventStore) throws -> UInt64 {
        guard let until else { return store.headPosition }
        return try UntilArgument.position(until, in: store)
    }
}
