public import Events
public import Foundation
import Synchronization

/// A signed-in browser: the cookie carries only `token`; everything else stays on the server.
public struct Session: Sendable, Hashable {
    /// The cookie value: 32 random bytes, base64url.
    public let token: String
    /// Who signed in.
    public let userId: UserID
    /// The token every form and every state-changing request must echo.
    public let csrfToken: String
    /// When the user signed in.
    public let createdAt: Date
    /// The last request seen.
    public var lastSeenAt: Date
    /// The log position of the last event this session appended: reads from the read models
    /// wait until it is applied (read-your-writes).
    public var lastWrittenPosition: UInt64?
}

/// Server-side sessions, held in memory: a restart signs everyone out, which is acceptable for
/// one agency's server and keeps session tokens out of the event log.
public final class SessionStore: Sendable {
    /// Sessions held at once; beyond it the least recently used is ended.
    public static let sessionsMax = 10_000

    let idleSecondsMax: Int
    let lifetimeSecondsMax: Int
    let clock: @Sendable () -> Date
    private let sessions = Mutex<[String: Session]>([:])

    /// A store ending sessions idle for `idleSecondsMax` or older than `lifetimeSecondsMax`.
    public init(idleSecondsMax: Int, lifetimeSecondsMax: Int, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.idleSecondsMax = idleSecondsMax
        self.lifetimeSecondsMax = lifetimeSecondsMax
        self.clock = clock
    }

    /// Starts a session for `userId`.
    public func start(userId: UserID) -> Session {
        let now = clock()
        let session = Session(
            token: Self.randomToken(), userId: userId, csrfToken: Self.randomToken(), createdAt: now, lastSeenAt: now,
            lastWrittenPosition: nil)
        sessions.withLock { sessions in
            if sessions.count >= Self.sessionsMax, let stalest = sessions.values.min(by: { $0.lastSeenAt < $1.lastSeenAt }) {
                sessions[stalest.token] = nil
            }
            sessions[session.token] = session
        }
        return session
    }

    /// The live session for `token`, marked as seen now; nil (and forgotten) when expired.
    public func touch(_ token: String) -> Session? {
        let now = clock()
        return sessions.withLock { sessions in
            guard var session = sessions[token] else { return nil }
            let idleSeconds = now.timeIntervalSince(session.lastSeenAt)
            let ageSeconds = now.timeIntervalSince(session.createdAt)
            guard idleSeconds <= Double(idleSecondsMax), ageSeconds <= Double(lifetimeSecondsMax) else {
                sessions[token] = nil
                return nil
            }
            session.lastSeenAt = now
            sessions[token] = session
            return session
        }
    }

    /// Notes that session `token` appended up to `position`.
    public func noteWrite(_ token: String, position: UInt64) {
        sessions.withLock { sessions in
            guard let session = sessions[token] else { return }
            sessions[token]?.lastWrittenPosition = max(session.lastWrittenPosition ?? 0, position)
        }
    }

    /// The last position session `token` appended, if it appended anything.
    public func lastWrittenPosition(_ token: String) -> UInt64? {
        sessions.withLock { $0[token]?.lastWrittenPosition }
    }

    /// Ends the session `token` (sign-out).
    public func end(_ token: String) {
        _ = sessions.withLock { $0.removeValue(forKey: token) }
    }

    /// 32 bytes from the system's secure generator, base64url without padding.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
