public import Casework
public import Events
import EventStore

/// Reads accounts straight from the log: a user's own stream for each request (so a revoked
/// role or a disabled account takes effect at once), the `user` category to find a username.
public struct AccountDirectory: Sendable {
    let log: any EventLog
    let registry: EventRegistry

    /// A directory over `log`.
    public init(log: any EventLog, registry: EventRegistry = .standard) {
        self.log = log
        self.registry = registry
    }

    /// The account `userId`, or nil when no such user was created.
    public func account(_ userId: UserID) throws -> Account? {
        let stream = StreamID.user(userId)
        let history = try StreamHistory(streamId: stream, records: log.events(inStream: stream), registry: registry)
        return Account.folded(try history.effectiveEvents(registry: registry))
    }

    /// The account signing in as `username`, or nil.
    public func account(username: String) async throws -> Account? {
        guard let userId = try await LogDirectory(log: log, registry: registry).user(withUsername: username) else {
            return nil
        }
        return try account(userId)
    }

    /// Every account, by user id.
    public func all() throws -> [Account] {
        let byStream = Dictionary(grouping: try log.events(inCategory: StreamID.userCategory), by: \.streamId)
        return try byStream.keys.sorted().compactMap { stream in
            let history = try StreamHistory(streamId: stream, records: byStream[stream]!, registry: registry)
            return Account.folded(try history.effectiveEvents(registry: registry))
        }
    }

    /// True when no user has ever been created: the first start.
    public func isEmpty() throws -> Bool {
        try log.events(inCategory: StreamID.userCategory).isEmpty
    }
}
