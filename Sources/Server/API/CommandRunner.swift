import Casework
import EventStore
import Events
import Foundation
import Hummingbird

/// What a write answered: the stream, its version after the write, and the events appended.
struct WriteResult: Codable, Sendable {
    /// The stream written.
    let streamId: String
    /// Its version now: send it back as `If-Match` to write again.
    let streamVersion: UInt64
    /// The ids of the events appended.
    let eventIds: [UUID]
    /// Their positions in the log.
    let positions: [UInt64]
    /// True when this answer replays an earlier request with the same idempotency key.
    let replayed: Bool
}

/// Runs one command for one request through Casework, honouring the request's
/// `Idempotency-Key` (a retried write appends once and answers as the first time) and
/// `If-Match` (the stream must be at that version, or 409 with the version it is at): both
/// are Casework's ``WriteConditions``; this maps their refusals to problems naming the header.
struct CommandRunner {
    /// The server's one Casework service (see ``AppServices/casework``).
    let service: CaseworkService
    let idempotencyKey: UUID?
    let expectedVersion: UInt64?

    /// Executes `command` with `correlationId` (the request id) under the request's conditions.
    func run<C: Command>(_ command: C, correlationId: UUID) async throws -> WriteResult {
        let conditions = WriteConditions(idempotencyKey: idempotencyKey, expectedVersion: expectedVersion)
        do {
            let outcome = try await service.execute(command, correlationId: correlationId, conditions: conditions)
            return WriteResult(
                streamId: command.streamId, streamVersion: outcome.streamVersion, eventIds: outcome.eventIds,
                positions: outcome.positions, replayed: outcome.replayed)
        } catch let refusal as WriteConditionError {
            throw Self.problem(refusal)
        }
    }

    /// The header a refused condition came from, named in a 409.
    static func problem(_ refusal: WriteConditionError) -> ProblemDetails {
        switch refusal {
        case .keyUsedElsewhere(let key, let stream):
            ProblemDetails(
                .conflict, detail: "Idempotency-Key \(key) was already used for a write to \(stream).",
                errors: [FieldProblem(field: "Idempotency-Key", problem: "was already used for a different request")])
        case .versionMismatch(let stream, let expected, let current):
            versionConflict(stream: stream, expected: expected, current: current)
        }
    }

    /// 409 naming `If-Match`, with the stream's current version.
    static func versionConflict(stream: String, expected: UInt64, current: UInt64?) -> ProblemDetails {
        let now = current.map { "is at version \($0)" } ?? "does not exist"
        return ProblemDetails(
            .conflict, detail: "\(stream) changed: you expected version \(expected), but it \(now). Reload and try again.",
            errors: [FieldProblem(field: "If-Match", problem: "is \(expected), but the current version is \(current.map(String.init) ?? "none")")],
            currentVersion: current)
    }
}

extension Request {
    /// The `Idempotency-Key` header as an event id (400 when it is not a UUID).
    func idempotencyKey() throws -> UUID? {
        guard let text = headers[.idempotencyKey] else { return nil }
        guard let key = UUID(uuidString: text.trimmingCharacters(in: .whitespaces)) else {
            throw ProblemDetails(
                .badRequest, detail: "Idempotency-Key must be a UUID (it becomes the event id).",
                errors: [FieldProblem(field: "Idempotency-Key", problem: "is not a UUID (got '\(text)')")])
        }
        return key
    }

    /// The `If-Match` header as a stream version (`"3"` or `3`; 400 otherwise).
    func expectedVersion() throws -> UInt64? {
        guard let text = headers[.ifMatch] else { return nil }
        let bare = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = UInt64(bare) else {
            throw ProblemDetails(
                .badRequest, detail: "If-Match must be a stream version such as \"3\".",
                errors: [FieldProblem(field: "If-Match", problem: "is not a stream version (got '\(text)')")])
        }
        return version
    }
}
