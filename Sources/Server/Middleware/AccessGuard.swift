import Events
import Foundation
import HTTPTypes
import Hummingbird

/// Applies a route's entry in ``RouteAccess/table`` before its handler runs: a session when one
/// is needed (401, or a redirect to sign-in for pages), a role when one is needed (403), and
/// the CSRF token on every state-changing request made with a session (403).
struct AccessGuard {
    /// Largest form body read.
    static let formBytesMax = 1 << 20
    /// The form field carrying the CSRF token.
    static let csrfField = "_csrf"

    let access: Access
    let kind: EndpointDocumentation.Kind

    /// The context the handler gets (with the form read), or an error response.
    func check(_ request: inout Request, context: AppRequestContext) async throws -> AppRequestContext {
        var context = context
        if isForm(request) { context.form = try await readForm(&request) }
        guard access.needsSession else { return context }
        guard let account = context.account, let session = context.session else {
            if kind == .page { throw PageRedirect(to: "/login?next=\(Self.escape(request.uri.path))") }
            throw ProblemDetails(
                .unauthorized, detail: "Sign in first.", errors: [FieldProblem(field: "session", problem: "is missing or expired")])
        }
        if let allowed = access.allowedRoles, account.roles.isDisjoint(with: allowed) {
            let needed = allowed.sorted().map(\.rawValue).joined(separator: " or ")
            throw ProblemDetails(
                .forbidden, detail: "\(account.username) may not do this: it needs the role \(needed.isEmpty ? "(none may)" : needed).",
                errors: [FieldProblem(field: "role", problem: "needs \(needed.isEmpty ? "a role nobody holds" : needed)")])
        }
        if request.method != .get, request.method != .head {
            let presented = request.headers[.csrfToken] ?? context.form?[Self.csrfField]
            guard let presented, Self.constantTimeEqual(presented, session.csrfToken) else {
                throw ProblemDetails(
                    .forbidden, detail: "The form is out of date or did not come from Harbour; reload the page and try again.",
                    errors: [FieldProblem(field: "csrfToken", problem: "is missing or does not match the session")])
            }
        }
        return context
    }

    private func isForm(_ request: Request) -> Bool {
        request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true
    }

    private func readForm(_ request: inout Request) async throws -> FormFields {
        do {
            let buffer = try await request.collectBody(upTo: Self.formBytesMax)
            return FormFields(body: String(decoding: buffer.readableBytesView, as: UTF8.self))
        } catch {
            throw ProblemDetails(
                .contentTooLarge, detail: "The form is over \(Self.formBytesMax) bytes.",
                errors: [FieldProblem(field: "body", problem: "is over the limit of \(Self.formBytesMax) bytes")])
        }
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_."))) ?? "/"
    }

    /// Compares without an early exit, so timing does not reveal how much of a token matched.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let (a, b) = (Array(lhs.utf8), Array(rhs.utf8))
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A page answer that sends the browser elsewhere (303 See Other).
struct PageRedirect: HTTPResponseError {
    /// Where to go.
    let location: String

    init(to location: String) { self.location = location }

    var status: HTTPResponse.Status { .seeOther }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
