public import EventStore
public import HTTPTypes
public import Hummingbird

/// Store refusals a request can cause answer as problem details; a store that is full, out of
/// reader slots or closed answers 503 (try again later); other storage faults stay 500s
/// (logged by Hummingbird), since no input of the caller's can fix them.
extension EventStoreError {
    /// The problem details for an error the caller's input caused, or nil for a server fault.
    var problem: ProblemDetails? {
        switch self {
        case .wrongExpectedVersion(let stream, _, let actual):
            return ProblemDetails(
                .conflict, detail: description,
                errors: [FieldProblem(field: "If-Match", problem: "does not match \(stream)'s current version")],
                currentVersion: actual)
        case .eventIdConflict(let eventId, _):
            return ProblemDetails(
                .conflict, detail: description,
                errors: [FieldProblem(field: "Idempotency-Key", problem: "\(eventId) was already used for a different request")])
        case .partialRetry, .duplicateEventInBatch:
            return ProblemDetails(.conflict, detail: description, errors: [FieldProblem(field: "Idempotency-Key", problem: description)])
        case .limitExceeded(let violation):
            return ProblemDetails(
                .unprocessableContent, detail: description,
                errors: [FieldProblem(field: violation.subject, problem: "is \(violation.actual), over the limit of \(violation.maximum)")])
        case .invalidInput(let field, let problem):
            return ProblemDetails(.unprocessableContent, detail: description, errors: [FieldProblem(field: field, problem: problem)])
        case .storeFull, .readersFull, .closed:
            return ProblemDetails(.serviceUnavailable, detail: description)
        // Exhaustive on purpose: a new store error must be placed here before it compiles.
        case .corruptRecord, .formatTooNew, .notAStore, .storage:
            return nil
        }
    }
}

extension EventStoreError: ResponseGenerator, HTTPResponseError {
    public var status: HTTPResponse.Status { problem?.status ?? .internalServerError }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let answer =
            problem
            ?? ProblemDetails(
                .internalServerError, detail: "The server could not complete the request; the log names request \(context.id).")
        return try answer.response(from: request, context: context)
    }
}
