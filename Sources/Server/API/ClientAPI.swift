import Casework
import Events
import Foundation
import Logging
import Hummingbird

/// Clients: intake, search, the client folded, their file, services and follow-ups.
struct ClientAPI {
    let services: AppServices

    static let writeAnswers = [
        200: "Replayed: this Idempotency-Key was already applied", 201: "Appended", 400: "Unreadable body or header",
        401: "Not signed in", 403: "Role or CSRF token missing", 404: "Unknown client", 409: "Conflict (duplicate, state, or If-Match)",
        422: "A field breaks a rule",
    ]
    static let readAnswers = [200: "Found", 401: "Not signed in", 403: "Role missing", 404: "Unknown client"]

    static let commandRoutes: [CommandRoute] = [
        CommandRoute(
            RouteKey(.post, "/api/clients"), "Register a client at intake (409 on a likely duplicate unless duplicateOverrideReason is given).",
            schema: Schemas.intake, answers: writeAnswers
        ) { (body: IntakeBody, source, defaults) in body.command(actor: source.actor, defaults: defaults) },
        CommandRoute(RouteKey(.post, "/api/clients/:clientId/services"), "Record a service delivered to the client.", schema: Schemas.service, answers: writeAnswers) {
            (body: ServiceBody, source, defaults) in body.command(actor: source.actor, clientId: try source.clientId(), defaults: defaults)
        },
        CommandRoute(
            RouteKey(.post, "/api/clients/:clientId/follow-ups"), "Schedule a follow-up on the client's case.", schema: Schemas.followUp,
            answers: writeAnswers
        ) { (body: FollowUpBody, source, defaults) in body.command(actor: source.actor, clientId: try source.clientId(), defaults: defaults) },
    ]

    var endpoints: [Endpoint] {
        Self.commandRoutes.map { $0.endpoint(services) } + [
            Endpoint(
                RouteKey(.get, "/api/clients"),
                .init(.api, "Find clients by part of a name, UCI or date of birth (query: name, uci, dateOfBirth).", responses: [200: "Matches", 400: "Bad date", 401: "Not signed in", 403: "Role missing"]),
                handler: search),
            Endpoint(
                RouteKey(.get, "/api/clients/:clientId"),
                .init(.api, "The client as their stream stands; records that the file was viewed.", responses: Self.readAnswers),
                handler: { request, context in try await view(request, context, file: false) }),
            Endpoint(
                RouteKey(.get, "/api/clients/:clientId/file"),
                .init(.api, "Everything in the client's file, in order, with who did it; records that it was viewed, and under views counts the openings and shows the latest five, newest first.", responses: Self.readAnswers),
                handler: { request, context in try await view(request, context, file: true) }),
        ]
    }

    @Sendable func search(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        var dateOfBirth: CalendarDate?
        if let text = query["dateOfBirth"].map(String.init), !text.isEmpty {
            guard let date = CalendarDate(iso8601: text) else {
                throw ProblemDetails(
                    .badRequest, detail: "dateOfBirth must be a date such as 1990-04-21.",
                    errors: [FieldProblem(field: "dateOfBirth", problem: "is not a YYYY-MM-DD date (got '\(text)')")])
            }
            dateOfBirth = date
        }
        let name = query["name"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let uci = query["uci"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        return try JSONResponse.make(.ok, try ClientReads(store: services.store, registry: services.registry).search(name: name, uci: uci, dateOfBirth: dateOfBirth))
    }

    /// Shows the client or their file, appending `ClientFileViewed` first: every view is audited,
    /// and a view that cannot be recorded is not shown.
    func view(_ request: Request, _ context: AppRequestContext, file: Bool) async throws -> Response {
        let clientId = try context.clientId()
        let purpose = try request.accessPurpose(for: context.actor.roles)
        // Recording the view checks that the client is registered (404 naming clientId otherwise).
        let command = RecordFileView(actor: context.actor, clientId: clientId, purpose: purpose)
        _ = try await services.commands(idempotencyKey: nil, expectedVersion: nil).run(command, correlationId: context.requestId)
        if file {
            let renderer = ClientFileRenderer(store: services.store, registry: services.registry, cache: services.fileCache)
            let (body, version) = try renderer.body(clientId, referrals: try await services.referralStreams(of: clientId, context: context))
            return JSONResponse.make(.ok, body: body, version: version)
        }
        let view = try ClientReads(store: services.store, registry: services.registry).client(clientId)
        return try JSONResponse.make(.ok, view, version: view.streamVersion)
    }
}

/// A write's headers read once: idempotency key, expected version, and the defaults they imply.
struct WriteRequest {
    let runner: CommandRunner
    let defaults: Defaults
    let sessions: SessionStore

    /// A write without headers (a form post): no idempotency key, no expected version.
    init(services: AppServices) {
        runner = services.commands(idempotencyKey: nil, expectedVersion: nil)
        defaults = Defaults(idempotencyKey: nil, today: services.today)
        sessions = services.sessions
    }

    init(_ request: Request, services: AppServices) throws {
        let key = try request.idempotencyKey()
        runner = services.commands(idempotencyKey: key, expectedVersion: try request.expectedVersion())
        defaults = Defaults(idempotencyKey: key, today: services.today)
        sessions = services.sessions
    }

    func run<C: Command>(_ command: C, _ context: AppRequestContext) async throws -> WriteResult {
        let result = try await runner.run(command, correlationId: context.requestId)
        noteWritten(result, context)
        context.logger.info(
            "command", metadata: ["command": .string(C.name.rawValue), "stream": .string(result.streamId), "replayed": .stringConvertible(result.replayed)])
        return result
    }

    /// Remembers the session's last write, so its next read of the read models includes it.
    func noteWritten(_ result: WriteResult, _ context: AppRequestContext) {
        if let token = context.session?.token, let last = result.positions.max() { sessions.noteWrite(token, position: last) }
    }
}

extension AppRequestContext: CommandSource {
    /// The signed-in user as a command's actor (the access guard ran first, so there is one).
    var actor: ActingUser { account!.actingUser }

    func pathParameter(_ name: String) throws -> String {
        guard let value = parameters.get(name) else {
            throw ProblemDetails(.badRequest, detail: "\(name) is missing from the path.", errors: [FieldProblem(field: name, problem: "is missing")])
        }
        return value
    }
}

extension Request {
    /// The `purpose` query parameter of a file view; without one, the usual purpose of the
    /// viewer's `roles` (``AccessPurpose/usual(for:)``).
    func accessPurpose(for roles: Set<Role>) throws -> AccessPurpose {
        guard let text = uri.queryParameters["purpose"].map(String.init) else { return .usual(for: roles) }
        guard let purpose = AccessPurpose(rawValue: text) else {
            throw ProblemDetails(
                .badRequest, detail: "purpose must be one of \(AccessPurpose.codes.joined(separator: ", ")).",
                errors: [FieldProblem(field: "purpose", problem: "is not one of \(AccessPurpose.codes.joined(separator: ", ")) (got '\(text)')")])
        }
        return purpose
    }
}
