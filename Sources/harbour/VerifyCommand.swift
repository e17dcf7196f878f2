import ArgumentParser
import EventStore

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every record and the whole hash chain; exit status 3 names the first bad position.",
        discussion: """
            Example:
              harbour verify --data /srv/harbour
            """)

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let store = try options.openStore()
        let progress = ProgressReport("verify", total: store.headPosition, quiet: options.quiet)
        let report: VerificationReport
        do {
            report = try store.verify { checked, _ in progress.update(checked) }
        } catch EventStoreError.corruptRecord(let position, let reason) {
            progress.finish()
            await store.close()
            throw CommandFailure(.verificationFailed, "verification failed at position \(position): \(reason)")
        }
        progress.finish()
        await store.close()
        try Self.conclude(report, what: "chain")
    }

    /// Prints an intact report, or fails with ``ExitStatus/verificationFailed``.
    static func conclude(_ report: VerificationReport, what: String) throws {
        if let problem = report.firstProblem {
            throw CommandFailure(.verificationFailed, "verification failed at position \(problem.position): \(problem.reason)")
        }
        Terminal.print("\(what) intact: \(report.eventsChecked.grouped) events checked, head at position \(report.headPosition.grouped)")
    }
}
