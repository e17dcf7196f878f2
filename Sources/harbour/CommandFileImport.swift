import AgencyHistory
import Casework
import EventStore
import Events
import Foundation
import Privacy
import Server

/// `harbour import` of a command file: every line is decided by Casework's rules, first as a
/// dry run against an ``OverlayLog`` (so each line sees the log as the earlier lines would
/// leave it, and nothing is written), then for real, one durable command at a time. The
/// command id is the idempotency key, so a command already in the log appends nothing.
struct CommandFileImport {
    let file: String
    let store: EventStore
    let keys: KeyRing
    let quiet: Bool
    let timeZone = TimeZone.current

    /// What the dry run found.
    struct Plan {
        /// Lines whose commands append events.
        var newLines: [Int] = []
        /// Commands whose events are already in the log.
        var presentCommands = 0
        /// Bad lines and why.
        var problems: [(line: Int, problem: LineProblem)] = []
    }

    /// What the real run appended.
    struct Appended {
        var commands = 0
        var events = 0
    }

    private var today: CalendarDate { CalendarDate.day(of: Date(), in: timeZone) }

    /// Decides every line against the overlay, writing bad ones to `rejects` when given.
    func check(rejects: JSONLinesWriter?) async throws -> Plan {
        let overlay = OverlayLog(base: store)
        // Opens sealed fields to decide, but seals nothing: no data key is made for a dry run.
        let service = CaseworkService(log: overlay, timeZone: timeZone, registry: EventRegistry.standard.opening(with: keys))
        let progress = ProgressReport("checking", total: nil, quiet: quiet)
        var plan = Plan()
        var lineOfCommand: [UUID: Int] = [:]
        for (number, bytes) in LineReader(path: file) where !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            progress.update(UInt64(number))
            do throws(LineProblem) {
                let line = try CommandFileLine.parse(bytes)
                if let first = lineOfCommand[line.commandId] {
                    throw LineProblem("commandId", "\(line.commandId) already appears on line \(first)")
                }
                let outcome = try await run(line, service: service, log: overlay)
                lineOfCommand[line.commandId] = number
                if outcome.replayed { plan.presentCommands += 1 } else { plan.newLines.append(number) }
            } catch {
                plan.problems.append((number, error))
                try rejects?.write(Array(bytes))
            }
        }
        progress.finish()
        return plan
    }

    /// Runs the commands on `plan`'s new lines against the store, sealing personal fields.
    func append(_ plan: Plan) async throws -> Appended {
        let service = CaseworkService(log: store, timeZone: timeZone, keys: keys)
        let wanted = Set(plan.newLines)
        let progress = ProgressReport("import", total: UInt64(wanted.count), quiet: quiet)
        var appended = Appended()
        for (number, bytes) in LineReader(path: file) where wanted.contains(number) {
            do {
                let outcome = try await run(try CommandFileLine.parse(bytes), service: service, log: store)
                if !outcome.replayed {
                    appended.commands += 1
                    appended.events += outcome.eventIds.count
                }
            } catch {
                throw CommandFailure(
                    .failure,
                    "\(file):\(number): \(error.field): \(error.problem); the lines before it were imported (importing the file again skips them)")
            }
            progress.update(UInt64(appended.commands))
        }
        progress.finish()
        return appended
    }

    /// Builds and executes one line's command as its actor, keyed by its command id.
    private func run(_ line: CommandFileLine, service: CaseworkService, log: any EventLog) async throws(LineProblem) -> CommandOutcome {
        do {
            let actor = try actingUser(line.actor, log: log)
            let command = try CommandCatalogue.command(named: line.command, input: line.input, actor: actor, commandId: line.commandId, today: today)
            return try await service.execute(command, correlationId: line.commandId, conditions: WriteConditions(idempotencyKey: line.commandId))
        } catch {
            throw LineProblem(commandError: error)
        }
    }

    /// The user `id` with the roles their stream gives them now; a problem when there is no
    /// such user or they are disabled.
    private func actingUser(_ id: UserID, log: any EventLog) throws -> ActingUser {
        let stream = StreamID.user(id)
        let history = try StreamHistory(streamId: stream, records: log.events(inStream: stream), registry: .standard)
        let state = try UserState.load(from: history, registry: .standard)
        guard let created = state.created else { throw LineProblem("actor", "\(id) is not a user (create it with `harbour users add`)") }
        guard !state.isDisabled else { throw LineProblem("actor", "\(id) is disabled") }
        return ActingUser(userId: id, roles: state.roles, memberId: created.memberId)
    }
}
