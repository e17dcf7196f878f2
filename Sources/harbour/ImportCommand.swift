import AgencyHistory
import ArgumentParser
import EventStore
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append the events of a JSON Lines file (the format `harbour export` writes).",
        discussion: """
            Every line is checked first: JSON, fields, event type and payload against the event
            catalogue, stream, stream version, event id, recorded-at order. Bad lines are listed
            as FILE:LINE: field: problem, and then nothing is imported unless --skip-invalid is
            given, which imports the valid lines and writes the bad ones to a rejects file.
            Events already in the log (same id, same content) are skipped, so importing the
            same file twice appends nothing the second time. recorded-at is kept when a line
            has it, so an exported log imported into an empty store has the same hash chain.

            Examples:
              harbour import history.jsonl
              harbour import partner-data.jsonl --skip-invalid --rejects rejected.jsonl
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The JSON Lines file to import.", valueName: "FILE"))
    var file: String

    @Flag(help: "Import the valid lines and write the bad ones to the rejects file.")
    var skipInvalid = false

    @Option(help: ArgumentHelp("Where --skip-invalid writes bad lines (default: FILE.rejects).", valueName: "FILE"))
    var rejects: String?

    @Option(help: ArgumentHelp("Events appended per durable transaction.", valueName: "N"))
    var batchEvents = 5_000

    /// Bad lines printed before the rest are only counted.
    static let problemsPrintedMax = 50

    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("FILE: cannot read \(file)") }
        guard (1...10_000).contains(batchEvents) else { throw ValidationError("--batch-events: must be 1 to 10000 (got \(batchEvents))") }
    }

    func run() async throws {
        try await options.withStore { store in
            let plan = try validateLines(store)
            try report(plan)
            guard plan.newEvents > 0 else {
                Terminal.print("nothing to import: the \(plan.presentEvents.grouped) events of \(file) are already in the log")
                return
            }
            let appended = try await ImportAppender(store: store, batchEvents: batchEvents, quiet: options.quiet)
                .append(from: file, lines: plan.newLines, total: plan.newEvents)
            var summary = "imported \(appended.grouped) events from \(file); head at position \(store.headPosition.grouped)"
            if plan.presentEvents > 0 { summary += "; \(plan.presentEvents.grouped) were already in the log" }
            if !plan.problems.isEmpty { summary += "; \(plan.problems.count.grouped) bad lines written to \(rejectsPath)" }
            Terminal.print(summary)
        }
    }

    private var rejectsPath: String { rejects ?? file + ".rejects" }

    /// What the first pass found.
    struct Plan {
        var newLines = Set<Int>()
        var newEvents: UInt64 { UInt64(newLines.count) }
        var presentEvents = 0
        var problems: [(line: Int, problem: LineProblem)] = []
    }

    private func validateLines(_ store: EventStore) throws -> Plan {
        var validator = try ImportValidator(store: store)
        var plan = Plan()
        let rejectsWriter = try skipInvalid ? JSONLinesWriter(path: rejectsPath) : nil
        let progress = ProgressReport("checking", total: nil, quiet: options.quiet)
        for (number, bytes) in LineReader(path: file) {
            progress.update(UInt64(number))
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do {
                switch try validator.check(bytes, number: number) {
                case .new: plan.newLines.insert(number)
                case .present: plan.presentEvents += 1
                }
            } catch {
                plan.problems.append((number, error))
                try rejectsWriter?.write(Array(bytes))
            }
        }
        try rejectsWriter?.close()
        progress.finish()
        return plan
    }

    /// Lists the bad lines; without --skip-invalid, refuses the import.
    private func report(_ plan: Plan) throws {
        for (line, problem) in plan.problems.prefix(Self.problemsPrintedMax) {
            Terminal.writeError("\(file):\(line): \(problem.field): \(problem.problem)\n")
        }
        if plan.problems.count > Self.problemsPrintedMax {
            Terminal.writeError("\(file): … and \((plan.problems.count - Self.problemsPrintedMax).grouped) more bad lines\n")
        }
        if !plan.problems.isEmpty, !skipInvalid {
            throw CommandFailure(
                .invalidInput,
                "\(file) has \(plan.problems.count.grouped) bad line\(plan.problems.count == 1 ? "" : "s"); nothing was imported (fix them, or pass --skip-invalid)")
        }
    }
}
