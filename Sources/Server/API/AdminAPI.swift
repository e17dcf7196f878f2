import Casework
import Events
import EventStore
import Foundation
import Hummingbird
import Projections

/// The administrator's reads: the audit trail, replay as of a date, chain verification, the
/// read models' progress, accounts, and any single event.
struct AdminAPI {
    let services: AppServices

    static let readAnswers = [200: "Found", 400: "A bad query parameter", 401: "Not signed in", 403: "Role missing", 404: "Not found", 503: "The read models are catching up"]

    /// An account as the administrator sees it (never its password hash).
    struct AccountView: Encodable {
        let userId: String
        let username: String
        let displayName: String
        let roles: [String]
        let memberId: String?
        let hasPassword: Bool
        let disabled: Bool

        init(_ account: Account) {
            userId = account.userId.rawValue
            username = account.username
            displayName = account.displayName
            roles = account.roles.sorted().map(\.rawValue)
            memberId = account.memberId?.rawValue
            hasPassword = account.passwordHash != nil
            disabled = account.isDisabled
        }
    }

    var endpoints: [Endpoint] {
        [
            Endpoint(
                RouteKey(.get, "/api/audit"),
                .init(.api, "Search the audit trail (clientId, actor, eventType, from, through, after, pageSize), oldest first.", responses: Self.readAnswers),
                handler: { request, context in
                    let query = try AuditQuery(QueryReader(request), timeZone: services.configuration.timeZone)
                    return try JSONResponse.make(.ok, try query.page(try await services.models(for: context)))
                }),
            Endpoint(
                RouteKey(.get, "/api/replay"),
                .init(.api, "A read model (model=funder|caseload|membership|gaps|audit) as it stood at the end of asOf=YYYY-MM-DD.", responses: Self.readAnswers),
                handler: { request, _ in
                    let query = QueryReader(request)
                    let replay = try ReplayQuery(query)
                    let models = try await replay.models(store: services.store, timeZone: services.configuration.timeZone)
                    return try JSONResponse.make(.ok, try replay.answer(models, query: query, timeZone: services.configuration.timeZone))
                }),
            Endpoint(
                RouteKey(.get, "/api/verification"), .init(.api, "The last hash-chain verification and whether one is running.", responses: [200: "Status", 401: "Not signed in", 403: "Role missing"]),
                handler: { _, _ in try JSONResponse.make(.ok, await services.verification.status) }),
            Endpoint(
                RouteKey(.post, "/api/verification"), .init(.api, "Start verifying the hash chain in the background.", responses: [202: "Started (or already running)", 401: "Not signed in", 403: "Role or CSRF token missing"]),
                handler: { _, _ in try JSONResponse.make(.accepted, await services.verification.start()) }),
            Endpoint(
                RouteKey(.get, "/api/projections"), .init(.api, "Each read model's version, checkpoint and lag behind the log.", responses: [200: "Status", 401: "Not signed in", 403: "Role missing"]),
                handler: { _, _ in try JSONResponse.make(.ok, await services.projections.status()) }),
            Endpoint(
                RouteKey(.get, "/api/users"), .init(.api, "Every account and its roles.", responses: [200: "Accounts", 401: "Not signed in", 403: "Role missing"]),
                handler: { _, _ in try JSONResponse.make(.ok, try services.accounts.all().map(AccountView.init)) }),
            Endpoint(
                RouteKey(.get, "/api/events/:position"), .init(.api, "One event of the log by its position, with its payload.", responses: Self.readAnswers),
                handler: { _, context in try JSONResponse.make(.ok, try EventLookup(store: services.store).entry(context)) }),
        ]
    }
}

/// One event by its position in the log.
struct EventLookup {
    let store: EventStore

    func entry(_ context: AppRequestContext) throws -> FileEntry {
        let text = context.parameters.get("position") ?? ""
        guard let position = UInt64(text), position > 0 else {
            throw ProblemDetails(.badRequest, detail: "position must be a log position such as 42.", errors: [FieldProblem(field: "position", problem: "is not a positive whole number (got '\(text)')")])
        }
        guard let record = try store.event(at: position) else {
            throw ProblemDetails(.notFound, detail: "The log has no event at \(position).", errors: [FieldProblem(field: "position", problem: "is past the end of the log (\(store.headPosition))")])
        }
        return try FileEntry(record)
    }
}
