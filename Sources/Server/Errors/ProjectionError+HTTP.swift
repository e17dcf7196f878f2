public import HTTPTypes
public import Hummingbird
public import Projections

/// A read model refusing a query answers as problem details naming the argument; a stored row
/// that cannot be read is a server fault (500, logged).
extension ProjectionError: ResponseGenerator, HTTPResponseError {
    public var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .invalidArgument: .badRequest
        case .corruptRow: .internalServerError
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let problem: ProblemDetails =
            switch self {
            case .notFound(let field, let problem), .invalidArgument(let field, let problem):
                ProblemDetails(status, detail: description, errors: [FieldProblem(field: field, problem: problem)])
            case .corruptRow:
                ProblemDetails(.internalServerError, detail: "The server could not complete the request; the log names request \(context.id).")
            }
        return try problem.response(from: request, context: context)
    }
}
