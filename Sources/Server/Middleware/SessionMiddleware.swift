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
        if let token = request.cookies[Self.cookieName]?.value, let session = services.sessions.touch(token) {
            if let account = try services.accountCache.account(session.userId), !account.isDisabled {
                context.session = session
                context.account = account
                context.logger[metadataKey: "user"] = .string(account.userId.rawValue)
            } else {
                services.sessions.end(token)
            }
        }
        return try await next(request, context)
    }
}
