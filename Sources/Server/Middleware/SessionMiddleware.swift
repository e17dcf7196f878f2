import Events
import Logging
import Hummingbird

/// Finds the session named by the cookie and the account behind it. A disabled account's
/// session is ended here, so disabling takes effect on the next request.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// The session cookie's name.
    static let cookieName = "harbour_session"

    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let token = Self.sessionToken(request), let session = services.sessions.touch(token) {
            if let account = try services.accountCache.account(session.userId), !account.isDisabled {
                // The user goes into the request's log line, not into the logger's metadata: setting
                // metadata re-renders all of it on every request, whether or not a line is logged.
                context.session = session
                context.account = account
            } else {
                services.sessions.end(token)
            }
        }
        return try await next(request, context)
    }

    /// The session cookie's value, found without parsing every cookie into a dictionary (this
    /// runs on every request).
    static func sessionToken(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " }
                guard trimmed.hasPrefix(cookieName), let equals = trimmed.firstIndex(of: "="),
                    trimmed[trimmed.startIndex..<equals] == cookieName
                else { continue }
                return String(trimmed[trimmed.index(after: equals)...])
            }
        }
        return nil
    }
}
