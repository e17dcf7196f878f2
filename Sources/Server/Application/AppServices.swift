public import Casework
public import EventStore
public import Events
import Foundation
import Logging
public import Projections

/// Everything the routes share: the store, its read models, the account directory, sessions,
/// the sign-in throttle, the password hasher, chain verification and the page templates.
public struct AppServices: Sendable {
    /// The event log.
    public let store: EventStore
    /// How the server runs.
    public let configuration: ServerConfiguration
    /// The read models, following the log.
    public let projections: ProjectionHost
    /// One long-lived Casework service for ballots, so that casts to one election queue behind
    /// each other in its per-stream serializer instead of racing and retrying (each cast is
    /// sealed and durable before its receipt; see `BallotSealed`).
    public let ballots: CaseworkService
    /// One long-lived Casework service for every other command, built once (its directories,
    /// sealing keys and ballot keys) instead of once per request.
    let casework: CaseworkService
    /// Accounts, read from the log.
    public let accounts: AccountDirectory
    /// Accounts by user id as of their stream's version, for every request's session check.
    let accountCache: AccountCache
    /// Signed-in sessions.
    public let sessions: SessionStore
    /// Failed sign-in back-off.
    public let throttle: LoginThrottle
    /// bcrypt.
    public let hasher: PasswordHasher
    /// The last and the running hash-chain verification.
    public let verification: ChainVerification
    /// Page templates.
    let pages: PageRenderer
    /// Read-model answers kept while the models stay at one position.
    let readCache = ReadCache()
    /// Client-file entries rendered once per stream version (``ClientFileRenderer``).
    let fileCache = ClientFileCache()
    /// The data keys: personal fields are sealed before append and opened on read; nil keeps
    /// them in clear (tests without personal data).
    public let keys: (any PersonalDataKeys)?

    /// Services over `store` configured by `configuration`; opens the read models beside the
    /// store (`<data>/projections`, or `projectionsDirectory`). Call ``start()`` before serving
    /// and ``close()`` after. With `keys`, personal fields are sealed before append and opened
    /// on read.
    public init(
        store: EventStore, configuration: ServerConfiguration, projectionsDirectory: String? = nil,
        keys: (any PersonalDataKeys)? = nil
    ) throws {
        self.store = store
        self.keys = keys
        self.configuration = configuration
        self.projections = try ProjectionHost.open(store: store, options: .init(directory: projectionsDirectory))
        self.ballots = CaseworkService(log: store, timeZone: configuration.timeZone)
        self.casework = CaseworkService(
            log: store, timeZone: configuration.timeZone, keys: keys, ballotKeys: BallotKeyDirectory.beside(store))
        self.accounts = AccountDirectory(log: store)
        self.accountCache = AccountCache(store: store, directory: accounts)
        self.sessions = SessionStore(
            idleSecondsMax: configuration.sessionIdleSecondsMax, lifetimeSecondsMax: configuration.sessionLifetimeSecondsMax)
        self.throttle = LoginThrottle(limits: configuration.loginThrottle)
        self.hasher = PasswordHasher(cost: configuration.bcryptCost)
        self.verification = ChainVerification(store: store)
        self.pages = try PageRenderer()
    }

    /// Starts the read models following the log.
    public func start() async {
        await projections.start()
    }

    /// Stops following and closes the read models (the store stays open: its owner closes it).
    public func close() async {
        await projections.close()
    }

    /// Runs commands for one request, with its idempotency key and expected version.
    func commands(idempotencyKey: UUID?, expectedVersion: UInt64?) -> CommandRunner {
        CommandRunner(service: casework, idempotencyKey: idempotencyKey, expectedVersion: expectedVersion)
    }

    /// Today in the agency's time zone.
    var today: CalendarDate { CalendarDate.day(of: Date(), in: configuration.timeZone) }

    /// Decodes events, opening personal fields when the server holds the keys.
    var registry: EventRegistry { keys.map { EventRegistry.standard.opening(with: $0) } ?? .standard }
}
