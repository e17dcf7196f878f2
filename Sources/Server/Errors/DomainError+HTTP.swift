public import Casework
public import HTTPTypes
public import Hummingbird

extension DomainError.Kind {
    /// The HTTP status of a refusal of this kind.
    var status: HTTPResponse.Status {
        switch self {
        case .validation: .unprocessableContent
        case .notFound: .notFound
        case .conflict: .conflict
        case .forbidden: .forbidden
        }
    }
}

/// A domain refusal answers as problem details naming its field: only here, in Server, does
/// Casework's vocabulary meet HTTP.
extension DomainError: ResponseGenerator, HTTPResponseError {
    public var status: HTTPResponse.Status { kind.status }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try problemDetails.response(from: request, context: context)
    }

    /// The problem details this refusal answers with.
    var problemDetails: ProblemDetails {
        ProblemDetails(kind.status, detail: description, errors: [FieldProblem(field: field, problem: problem)])
    }
}
