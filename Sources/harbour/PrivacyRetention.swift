import ArgumentParser
import Casework
import Events
import Foundation

/// The options both retention commands share: the day to judge on, and the policy file.
struct RetentionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Judge as of this day (YYYY-MM-DD; default today).", valueName: "DATE"))
    var asOf: String?

    func day() throws -> CalendarDate {
        guard let asOf else { return CalendarDate.day(of: Date(), in: .current) }
        guard let day = CalendarDate(iso8601: asOf) else { throw ValidationError("--as-of: '\(asOf)' is not a date such as 2032-04-01") }
        return day
    }

    static func policy(_ options: GlobalOptions) throws -> RetentionPolicy {
        do {
            return try RetentionPolicy.read(dataFolder: options.dataFolder)
        } catch {
            throw CommandFailure(.usage, error.description)
        }
    }

    static func line(_ due: RetentionDue) -> String {
        let holds = due.holds.isEmpty ? "" : "  held: \(due.holds.joined(separator: ", "))"
        return "\(due.dueOn)  \(due.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \(due.recordId)  \(due.trigger) on \(due.triggeredOn)\(holds)"
    }
}

struct PrivacyRetentionReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention-report",
        abstract: "List the records the retention policy makes due for erasure.",
        discussion: """
            The policy is <data>/retention.json (defaults when absent: 7 years for both):
              {"clientFileYearsAfterLastCaseClosed": 7, "membershipYearsAfterLapse": 7}
            A client file falls due that many years after its last case was closed (after
            registration when no case was ever opened), never while a case is open; a membership
            that many years after it lapsed. Each line: due date, kind, id, what started the
            period, and the legal holds in force. Needs no master key.

            Example:
              harbour privacy retention-report --as-of 2032-04-01 --data /srv/harbour
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var retention: RetentionOptions

    func run() async throws {
        let asOf = try retention.day()
        let policy = try RetentionOptions.policy(options)
        let due = try await options.withStore { store in
            try CaseworkService(log: store, timeZone: .current).retentionDue(rules: policy, asOf: asOf)
        }
        Terminal.print("\(due.count) records due for erasure as of \(asOf)")
        for record in due { Terminal.print(RetentionOptions.line(record)) }
    }
}

struct PrivacyRetentionRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention-run",
        abstract: "Erase every client file the retention policy makes due, unless under legal hold.",
        discussion: """
            Each erasure is its own PersonalDataErased (ground retentionDue, the rule as its
            reference), decided like `privacy erase`. Held files and member records (not sealed)
            are listed and left. --as-of may not be after today.

            Example:
              harbour privacy retention-run --data /srv/harbour
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var retention: RetentionOptions

    func run() async throws {
        let asOf = try retention.day()
        let policy = try RetentionOptions.policy(options)
        let run = try await PrivacyCommand.withService(options) { service, _ in
            try await service.runRetention(rules: policy, asOf: asOf, actor: UsersCommand.terminalAdministrator)
        }
        Terminal.print("erased \(run.erased.count) client files due as of \(asOf); left \(run.left.count)")
        for due in run.erased { Terminal.print("erased  " + RetentionOptions.line(due)) }
        for (due, reason) in run.left { Terminal.print("left    " + RetentionOptions.line(due) + "  (\(reason))") }
    }
}
