import AgencyHistory
import ArgumentParser
import Foundation

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic, deterministic agency history as JSON Lines, ready for `harbour import`.",
        discussion: """
            Two fiscal years (April 2024 to March 2026) of a settlement agency: clients with
            iCARE-like profiles, needs, cases, referrals to partners, services in the mix
            agencies report, funder contracts, memberships and renewals, one AGM election with
            secret ballots, and a few corrections. The same seed and size give the same bytes.

            Example:
              harbour generate --seed 7 --events 1000000 --out history.jsonl
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "Seed: every id, date and choice follows from it.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("How many events to write.", valueName: "N"))
    var events = 10_000

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var out: String?

    func validate() throws {
        guard events >= 1 else { throw ValidationError("--events: must be at least 1 (got \(events))") }
    }

    func run() async throws {
        let writer = try out.map { try JSONLinesWriter(path: $0) } ?? JSONLinesWriter(handle: .standardOutput)
        let progress = ProgressReport("generate", total: UInt64(events), quiet: options.quiet || out == nil)
        var written: UInt64 = 0
        for event in AgencyHistory(seed: seed, count: events) {
            try writer.write(try EventLine(event).encoded())
            written += 1
            progress.update(written)
        }
        try writer.close()
        progress.finish()
        if let out, !options.quiet { Terminal.writeError("generated \(written.grouped) events (seed \(seed)) in \(out)\n") }
    }
}
