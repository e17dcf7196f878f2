import Hummingbird

/// The session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (other sites cannot
/// make the browser send it), Secure when served over TLS.
enum SessionCookie {
    /// The cookie carrying `session`'s token.
    static func make(_ session: Session, configuration: ServerConfiguration) -> Cookie {
        Cookie(
            name: SessionMiddleware.cookieName, value: session.token, maxAge: configuration.sessionLifetimeSecondsMax, path: "/",
            secure: configuration.cookieSecure, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that makes the browser forget the session.
    static func cleared(configuration: ServerConfiguration) -> Cookie {
        Cookie(
            name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: configuration.cookieSecure,
            httpOnly: true, sameSite: .strict)
    }
}
