public import EventStore
public import Foundation
import Logging

/// Everything the routes share: the store, the account directory, sessions, the sign-in
/// throttle, the password hasher and the page templates.
public struct AppServices: Sendable {
    /// The event log.
    public let store: EventStore
    /// How the server runs.
    public let configuration: ServerConfiguration
    /// Accounts, read from the log.
    public let accounts: AccountDirectory
    /// Signed-in sessions.
    public let sessions: SessionStore
    /// Failed sign-in back-off.
    public let throttle: LoginThrottle
    /// bcrypt.
    public let hasher: PasswordHasher
    /// Page templates.
    let pages: PageRenderer

    /// Services over `store` configured by `configuration`.
    public init(store: EventStore, configuration: ServerConfiguration) throws {
        self.store = store
        self.configuration = configuration
        self.accounts = AccountDirectory(log: store)
        self.sessions = SessionStore(
            idleSecondsMax: configuration.sessionIdleSecondsMax, lifetimeSecondsMax: configuration.sessionLifetimeSecondsMax)
        self.throttle = LoginThrottle(limits: configuration.loginThrottle)
        self.hasher = PasswordHasher(cost: configuration.bcryptCost)
        self.pages = try PageRenderer()
    }

    /// Runs commands for one request, with its idempotency key and expected version.
    func commands(idempotencyKey: UUID?, expectedVersion: UInt64?) -> CommandRunner {
        CommandRunner(
            store: store, timeZone: configuration.timeZone, idempotencyKey: idempotencyKey, expectedVersion: expectedVersion)
    }
}
