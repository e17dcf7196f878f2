public import Foundation

/// How the web server listens and what it allows: every limit named with its unit last.
public struct ServerConfiguration: Sendable {
    /// Interface to listen on; loopback unless the operator chooses otherwise.
    public var host: String
    /// TCP port.
    public var port: Int
    /// The agency's time zone: "today" for every decision.
    public var timeZone: TimeZone
    /// Mark the session cookie `Secure`: set it when Harbour is served over TLS (directly or
    /// behind a terminating proxy), or the browser would send the cookie in clear text.
    public var cookieSecure: Bool
    /// bcrypt work factor (log2 rounds) for new password hashes.
    public var bcryptCost: UInt8
    /// A session unused for this long is ended.
    public var sessionIdleSecondsMax: Int
    /// A session ends this long after sign-in, however busy.
    public var sessionLifetimeSecondsMax: Int
    /// When failed sign-ins start to be slowed down.
    public var loginThrottle: LoginThrottle.Limits

    /// The defaults: 127.0.0.1:8080, UTC, cookie not `Secure`, bcrypt cost 12, sessions idle
    /// for at most 30 minutes and alive for at most 12 hours.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        cookieSecure: Bool = false,
        bcryptCost: UInt8 = 12,
        sessionIdleSecondsMax: Int = 30 * 60,
        sessionLifetimeSecondsMax: Int = 12 * 60 * 60,
        loginThrottle: LoginThrottle.Limits = .init()
    ) {
        self.host = host
        self.port = port
        self.timeZone = timeZone
        self.cookieSecure = cookieSecure
        self.bcryptCost = bcryptCost
        self.sessionIdleSecondsMax = sessionIdleSecondsMax
        self.sessionLifetimeSecondsMax = sessionLifetimeSecondsMax
        self.loginThrottle = loginThrottle
    }
}
