import Events
import Foundation
import Logging
import Hummingbird

/// Sign in and out with JSON, for scripts and tests; the browser uses the pages.
struct SessionAPI {
    let services: AppServices

    struct Credentials: Decodable {
        let username: String
        let password: String
    }

    /// Who is signed in, and the CSRF token to send as `X-CSRF-Token` with every write.
    struct SessionInfo: Encodable {
        let userId: String
        let username: String
        let displayName: String
        let roles: [String]
        let csrfToken: String
    }

    var endpoints: [Endpoint] {
        [
            Endpoint(
                RouteKey(.post, "/api/session"),
                .init(
                    .api, "Sign in; sets the session cookie and returns the CSRF token.", requestBody: Schemas.credentials,
                    responses: [201: "Signed in", 400: "Unreadable body", 401: "Wrong username or password", 422: "Missing field", 429: "Too many failed attempts; wait"]),
                handler: signIn),
            Endpoint(
                RouteKey(.get, "/api/session"), .init(.api, "The signed-in user and their CSRF token.", responses: [200: "Signed in", 401: "Not signed in"]),
                handler: { _, context in try Self.info(context.session!, context.account!, status: .ok) }),
            Endpoint(
                RouteKey(.delete, "/api/session"), .init(.api, "Sign out.", responses: [204: "Signed out", 401: "Not signed in", 403: "Missing CSRF token"]),
                handler: signOut),
        ]
    }

    @Sendable func signIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let credentials = try await RequestDecoding.json(Credentials.self, from: &request)
        let (session, account) = try await SignIn(services: services).attempt(
            username: credentials.username, password: credentials.password, address: context.remoteAddress)
        context.logger.info("signed in", metadata: ["user": .string(account.userId.rawValue)])
        var response = try Self.info(session, account, status: .created)
        response.setCookie(SessionCookie.make(session, configuration: services.configuration))
        return response
    }

    @Sendable func signOut(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        services.sessions.end(context.session!.token)
        var response = Response(status: .noContent)
        response.setCookie(SessionCookie.cleared(configuration: services.configuration))
        return response
    }

    static func info(_ session: Session, _ account: Account, status: HTTPResponse.Status) throws -> Response {
        try JSONResponse.make(
            status,
            SessionInfo(
                userId: account.userId.rawValue, username: account.username, displayName: account.displayName,
                roles: account.roles.sorted().map(\.rawValue), csrfToken: session.csrfToken))
    }
}
