import Foundation
import HTTPTypes

/// The OpenAPI 3.1 document, built from the same endpoints the router registers, so a route
/// cannot exist without appearing here.
struct OpenAPIDocument: Encodable {
    struct Info: Encodable {
        let title: String
        let version: String
        let description: String
    }

    struct Parameter: Encodable {
        let name: String
        let `in`: String
        let required: Bool
        let schema: JSONSchema
    }

    struct MediaType: Encodable { let schema: JSONSchema? }

    struct Body: Encodable {
        let required: Bool
        let content: [String: MediaType]
    }

    struct Answer: Encodable {
        let description: String
        let content: [String: MediaType]?
    }

    struct Operation: Encodable {
        let operationId: String
        let summary: String
        let tags: [String]
        let parameters: [Parameter]
        let requestBody: Body?
        let responses: [String: Answer]
        let security: [[String: [String]]]
    }

    let openapi = "3.1.0"
    let info = Info(
        title: "Harbour", version: "1",
        description: "Case management for newcomer settlement agencies. Errors are RFC 9457 problem details naming each bad field.")
    let paths: [String: [String: Operation]]
    let components = ["securitySchemes": ["session": ["type": "apiKey", "in": "cookie", "name": SessionMiddleware.cookieName]]]

    /// The document for `endpoints`.
    init(endpoints: [Endpoint]) {
        var paths: [String: [String: Operation]] = [:]
        for endpoint in endpoints {
            let path = Self.openAPIPath(endpoint.key.path)
            paths[path, default: [:]][endpoint.key.method.rawValue.lowercased()] = Self.operation(endpoint)
        }
        self.paths = paths
    }

    /// `/api/clients/:clientId` as `/api/clients/{clientId}`.
    static func openAPIPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
    }

    static func operation(_ endpoint: Endpoint) -> Operation {
        let documentation = endpoint.documentation
        let parameters = endpoint.key.path.split(separator: "/").filter { $0.hasPrefix(":") }.map {
            Parameter(name: String($0.dropFirst()), in: "path", required: true, schema: .string())
        }
        let body = documentation.requestBody.map {
            Body(required: true, content: [documentation.requestMediaType: MediaType(schema: $0)])
        }
        var responses: [String: Answer] = [:]
        for (status, description) in documentation.responses {
            let problem = status >= 400 ? [ProblemDetails.mediaType: MediaType(schema: problemSchema)] : nil
            responses[String(status)] = Answer(description: description, content: problem)
        }
        let open = RouteAccess.access(for: endpoint.key) == .anyone
        return Operation(
            operationId: endpoint.key.method.rawValue.lowercased() + endpoint.key.path.split(separator: "/").map { $0.replacingOccurrences(of: ":", with: "by-") }.joined(separator: "_"),
            summary: documentation.summary, tags: [documentation.kind == .api ? "api" : "pages"], parameters: parameters,
            requestBody: body, responses: responses, security: open ? [] : [["session": []]])
    }

    static let problemSchema = JSONSchema.object(
        properties: [
            "type": .string(), "title": .string(), "status": .integer(minimum: 400, maximum: 599), "detail": .string(),
            "errors": .array(.object(properties: ["field": .string(), "problem": .string()], required: ["field", "problem"])),
            "currentVersion": .integer(minimum: 0), "retryAfterSeconds": .integer(minimum: 0),
        ],
        required: ["type", "title", "status", "detail", "errors"])
}
