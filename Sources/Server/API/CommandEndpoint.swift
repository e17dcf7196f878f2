import Casework
import Hummingbird

/// A JSON route that runs one Casework command: decode the body (400/422 naming the field),
/// build the command from it, the path and the defaults, run it with the request's
/// `Idempotency-Key` and `If-Match`, and answer 201 (or 200 for a replayed key).
enum CommandEndpoint {
    /// The statuses every command route may answer with.
    static let answers = [
        200: "Replayed: this Idempotency-Key was already applied", 201: "Appended", 400: "Unreadable body, header or path",
        401: "Not signed in", 403: "Role or CSRF token missing", 404: "Unknown record", 409: "Conflict (state, or If-Match)",
        413: "Body too large", 422: "A field breaks a rule",
    ]

    /// The route `method path` running the command `build` makes.
    static func make<Body: Decodable & SendableMetatype, C: Command>(
        _ key: RouteKey, _ summary: String, schema: JSONSchema, services: AppServices,
        build: @escaping @Sendable (Body, AppRequestContext, Defaults) throws -> C
    ) -> Endpoint {
        Endpoint(key, .init(.api, summary, requestBody: schema, responses: answers)) { request, context in
            var request = request
            let body = try await RequestDecoding.json(Body.self, from: &request)
            let write = try WriteRequest(request, services: services)
            return try JSONResponse.written(try await write.run(try build(body, context, write.defaults), context))
        }
    }
}

/// A body with nothing in it, for commands the path says everything about.
struct EmptyBody: Decodable {}

extension Schemas {
    /// `{}`.
    static let empty = JSONSchema.object(properties: [:], required: [])
    /// A day, optional, defaulting to today.
    static let day = JSONSchema.string(format: "date")
}
