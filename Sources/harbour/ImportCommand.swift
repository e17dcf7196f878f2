import AgencyHistory
import ArgumentParser
import EventStore
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append the events (the format `harbour export` writes) or the commands of a JSON Lines file.",
        discussion: """
            An event file's lines are checked first: JSON, fields, event type and payload against the event
            catalogue, stream, stream version, event id, recorded-at order. Bad lines are listed
            as FILE:LINE: field: problem, and then nothing is imported unless --skip-invalid is
            given, which imports the valid lines and writes the bad ones to a rejects file.
            Events already in the log (same id, same content) are skipped, so importing the
            same file twice appends nothing the second time. recorded-at is kept when a line
            has it, so an exported log imported into an empty store has the same hash chain.

            A command file (its first line has a "command" field) holds one command a line:
              {"command":"RegisterClient","commandId":"<uuid>","actor":"<user id>","input":{…}}
            input is the body the JSON API takes for that command (see /openapi.json) plus the
            ids its path names (clientId, referralId…). Every line is decided by the domain
            rules as its actor, against the log as the lines before it leave it, before
            anything is appended; domain errors name the input field. The command id makes the
            command idempotent: importing the file again appends nothing. Personal fields are
            sealed, so the master key must be set (as for `harbour serve`).

            Examples:
              harbour import history.jsonl
              harbour import intake-commands.jsonl
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
        if CommandFileLine.isCommandFile(file) { return try await importCommands() }
        try await options.withStore { store in
            let plan = try validateLines(store)
            try report(plan.problems)
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
    private func report(_ problems: [(line: Int, problem: LineProblem)]) throws {
        for (line, problem) in problems.prefix(Self.problemsPrintedMax) {
            Terminal.writeError("\(file):\(line): \(problem.field): \(problem.problem)\n")
        }
        if problems.count > Self.problemsPrintedMax {
            Terminal.writeError("\(file): … and \((problems.count - Self.problemsPrintedMax).grouped) more bad lines\n")
        }
        if !problems.isEmpty, !skipInvalid {
            throw CommandFailure(
                .invalidInput,
                "\(file) has \(problems.count.grouped) bad line\(problems.count == 1 ? "" : "s"); nothing was imported (fix them, or pass --skip-invalid)")
        }
    }

    /// Imports a command file: a dry run of every line, then the valid ones for real.
    private func importCommands() async throws {
        let keys = try KeyAccess.keyRing(dataFolder: options.dataFolder)
        try await options.withStore { store in
            let importer = CommandFileImport(file: file, store: store, keys: keys, quiet: options.quiet)
            let rejectsWriter = try skipInvalid ? JSONLinesWriter(path: rejectsPath) : nil
            let plan = try await importer.check(rejects: rejectsWriter)
            try rejectsWriter?.close()
            try report(plan.problems)
            guard !plan.newLines.isEmpty else {
                Terminal.print("nothing to import: the \(plan.presentCommands.grouped) commands of \(file) are already in the log")
                return
            }
            let appended = try await importer.append(plan)
            var summary = "imported \(appended.commands.grouped) commands (\(appended.events.grouped) events) from \(file); head at position \(store.headPosition.grouped)"
            if plan.presentCommands > 0 { summary += "; \(plan.presentCommands.grouped) were already in the log" }
            if !plan.problems.isEmpty { summary += "; \(plan.problems.count.grouped) bad lines written to \(rejectsPath)" }
            Terminal.print(summary)
        }
    }
}
