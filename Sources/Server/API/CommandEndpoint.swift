import Casework
import Foundation
import Hummingbird

/// A JSON route that runs one Casework command: decode the body (400/422 naming the field),
/// build the command from it, the path and the defaults, run it with the request's
/// `Idempotency-Key` and `If-Match`, and answer 201 (or 200 for a replayed key). The same
/// recipe builds the command from a line of a `harbour import` file (``CommandCatalogue``).
struct CommandRoute: Sendable {
    /// The statuses every command route may answer with.
    static let answers = [
        200: "Replayed: this Idempotency-Key was already applied", 201: "Appended", 400: "Unreadable body, header or path",
        401: "Not signed in", 403: "Role or CSRF token missing", 404: "Unknown record", 409: "Conflict (state, or If-Match)",
        413: "Body too large", 422: "A field breaks a rule",
    ]

    /// The Casework command's type name, e.g. `RegisterClient`.
    let commandName: String
    /// Decodes a JSON body and builds the command with `source`'s actor and parameters.
    let build: @Sendable (Data, any CommandSource, Defaults) throws -> any Command
    /// The web route serving it.
    let endpoint: @Sendable (AppServices) -> Endpoint

    /// The route `method path` running the command `build` makes from a `Body`.
    init<Body: Decodable & SendableMetatype, C: Command>(
        _ key: RouteKey, _ summary: String, schema: JSONSchema, answers: [Int: String] = Self.answers,
        build: @escaping @Sendable (Body, any CommandSource, Defaults) throws -> C
    ) {
        self.init(key, summary, schema: schema, answers: answers, commandName: String(describing: C.self)) {
            (body: Body, source, defaults) -> any Command in try build(body, source, defaults)
        }
    }

    /// The route `method path` running the command named `commandName` that `build` makes.
    init<Body: Decodable & SendableMetatype>(
        _ key: RouteKey, _ summary: String, schema: JSONSchema, answers: [Int: String] = Self.answers, commandName: String,
        build: @escaping @Sendable (Body, any CommandSource, Defaults) throws -> any Command
    ) {
        self.commandName = commandName
        self.build = { data, source, defaults in try build(try JSONDecoder().decode(Body.self, from: data), source, defaults) }
        endpoint = { services in
            Endpoint(key, .init(.api, summary, requestBody: schema, responses: answers)) { request, context in
                var request = request
                let body = try await RequestDecoding.json(Body.self, from: &request)
                let write = try WriteRequest(request, services: services)
                return try JSONResponse.written(try await write.run(try build(body, context, write.defaults), context))
            }
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
