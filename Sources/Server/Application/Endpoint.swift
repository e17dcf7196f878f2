public import Hummingbird

/// What a route is, for the OpenAPI document: API or page, its summary, body and answers.
public struct EndpointDocumentation: Sendable {
    /// A JSON API operation or an HTML page.
    public enum Kind: Sendable { case api, page }

    /// API or page.
    public let kind: Kind
    /// One line saying what it does.
    public let summary: String
    /// The JSON body's schema, for writes.
    public let requestBody: JSONSchema?
    /// The body's media type when it is not JSON (forms).
    public let requestMediaType: String
    /// Statuses it may answer with, and what each means.
    public let responses: [Int: String]

    /// Documentation for a route.
    public init(
        _ kind: Kind, _ summary: String, requestBody: JSONSchema? = nil, requestMediaType: String = "application/json",
        responses: [Int: String]
    ) {
        self.kind = kind
        self.summary = summary
        self.requestBody = requestBody
        self.requestMediaType = requestMediaType
        self.responses = responses
    }
}

/// One route: its key in ``RouteAccess/table``, its documentation and its handler. Access is
/// not here on purpose: the table is the one place that says who may call what.
public struct Endpoint: Sendable {
    /// Handles a request whose access was already checked.
    public typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response

    /// Method and path.
    public let key: RouteKey
    /// For the OpenAPI document.
    public let documentation: EndpointDocumentation
    /// The work.
    public let handler: Handler

    /// An endpoint at `key`.
    public init(_ key: RouteKey, _ documentation: EndpointDocumentation, handler: @escaping Handler) {
        self.key = key
        self.documentation = documentation
        self.handler = handler
    }
}
