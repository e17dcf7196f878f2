import Events
import Foundation
import Logging
import Hummingbird

/// Sign-in, sign-out and the home page.
struct LoginPages {
    /// The cookie holding the sign-in form's CSRF token (double submit: there is no session yet).
    static let loginCookieName = "harbour_login_csrf"

    let services: AppServices

    var endpoints: [Endpoint] {
        [
            Endpoint(RouteKey(.get, "/"), .init(.page, "Home: what a signed-in user can do.", responses: [200: "Page", 303: "Sign in first"]), handler: home),
            Endpoint(RouteKey(.get, "/login"), .init(.page, "The sign-in form.", responses: [200: "Page"]), handler: form),
            Endpoint(
                RouteKey(.post, "/login"),
                .init(.page, "Sign in with the form.", requestMediaType: "application/x-www-form-urlencoded", responses: [303: "Signed in", 401: "Wrong username or password", 400: "Form expired", 429: "Too many failed attempts"]),
                handler: signIn),
            Endpoint(
                RouteKey(.post, "/logout"),
                .init(.page, "Sign out.", requestMediaType: "application/x-www-form-urlencoded", responses: [303: "Signed out", 403: "Form expired"]),
                handler: signOut),
        ]
    }

    /// A worker's home is their caseload; everyone else gets the links for their roles.
    @Sendable func home(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let roles = context.account?.roles ?? []
        if !roles.isDisjoint(with: [.worker, .supervisor]) { return try await WorkPages(services: services).caseload(request, context) }
        var values: [String: Any] = ["links": Navigation.links(for: roles).map { ["href": $0.href, "label": $0.label] }]
        if roles.contains(.administrator) { values["dashboard"] = try await AdminDashboard(services: services).values(context) }
        return services.pages.render("home", title: "Home", values: values, context: context)
    }

    @Sendable func form(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        render(next: request.uri.queryParameters["next"].map(String.init) ?? "/", username: "", problems: [], status: .ok, context: context)
    }

    @Sendable func signIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = context.form ?? FormFields(body: "")
        let next = Self.safeNext(form["next"])
        let username = form["username"] ?? ""
        guard let presented = form[AccessGuard.csrfField], let expected = request.cookies[Self.loginCookieName]?.value,
            AccessGuard.constantTimeEqual(presented, expected)
        else {
            let problem = FieldProblem(field: "form", problem: "has expired; please sign in again")
            return render(next: next, username: username, problems: [problem], status: .badRequest, context: context)
        }
        do {
            let (session, _) = try await SignIn(services: services).attempt(
                username: username, password: form.values["password"] ?? "", address: context.remoteAddress)
            var response = Response(status: .seeOther, headers: [.location: next])
            response.setCookie(SessionCookie.make(session, configuration: services.configuration))
            return response
        } catch let problem as ProblemDetails {
            return render(next: next, username: username, problems: problem.errors, status: problem.status, context: context)
        }
    }

    @Sendable func signOut(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        services.sessions.end(context.session!.token)
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.setCookie(SessionCookie.cleared(configuration: services.configuration))
        return response
    }

    private func render(next: String, username: String, problems: [FieldProblem], status: HTTPResponse.Status, context: AppRequestContext)
        -> Response
    {
        let token = SessionStore.randomToken()
        var response = services.pages.render(
            "login", title: "Sign in", values: ["csrf": token, "next": Self.safeNext(next), "username": username], context: context,
            problems: problems, status: status)
        response.setCookie(
            Cookie(
                name: Self.loginCookieName, value: token, path: "/login", secure: services.configuration.cookieSecure, httpOnly: true,
                sameSite: .strict))
        return response
    }

    /// Only a path on this site, never another site (`//evil.example`).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}
