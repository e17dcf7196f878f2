import Casework
import Events
import EventStore
import Synchronization

/// Accounts as of their stream's version: a request costs one index lookup instead of a fold
/// of the user's stream, and a role revoked or an account disabled still takes effect on the
/// very next request (the version moved, so the account is folded again).
final class AccountCache: Sendable {
    /// Accounts remembered at once; beyond it the cache starts over.
    static let accountsMax = 10_000

    private let store: EventStore
    private let directory: AccountDirectory
    private let cached = Mutex<[UserID: (version: UInt64, account: Account?)]>([:])

    init(store: EventStore, directory: AccountDirectory) {
        self.store = store
        self.directory = directory
    }

    /// The account `userId` as its stream stands now.
    func account(_ userId: UserID) throws -> Account? {
        guard let version = try store.streamVersion(StreamID.user(userId)) else { return nil }
        if let hit = cached.withLock({ $0[userId] }), hit.version == version { return hit.account }
        let account = try directory.account(userId)
        cached.withLock { cache in
            if cache.count >= Self.accountsMax { cache.removeAll(keepingCapacity: true) }
            cache[userId] = (version, account)
        }
        return account
    }
}
