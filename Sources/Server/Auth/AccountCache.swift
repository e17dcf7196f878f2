import Casework
import Events
import EventStore
import Synchronization

/// Accounts as of their stream's version: a request costs one index lookup instead of a fold
/// of the user's stream, and a role revoked or an account disabled still takes effect on the
/// very next request (the version moved, so the account is folded again). While the log's head
/// has not moved since an account was last checked, nothing can have changed it, so the lookup
/// itself is skipped (the head advances only after a commit is visible to readers).
final class AccountCache: Sendable {
    /// Accounts remembered at once; beyond it the cache starts over.
    static let accountsMax = 10_000

    private struct Entry {
        /// The user's stream version the account was folded at.
        let version: UInt64
        /// The log head when that version was last confirmed.
        let confirmedAtHead: UInt64
        let account: Account?
    }

    private let store: EventStore
    private let directory: AccountDirectory
    private let cached = Mutex<[UserID: Entry]>([:])

    init(store: EventStore, directory: AccountDirectory) {
        self.store = store
        self.directory = directory
    }

    /// The account `userId` as its stream stands now.
    func account(_ userId: UserID) throws -> Account? {
        // Read before the stream's version: an entry confirmed at this head is at least as new
        // as every commit up to it.
        let head = store.headPosition
        let hit = cached.withLock { $0[userId] }
        if let hit, hit.confirmedAtHead == head { return hit.account }
        guard let version = try store.streamVersion(StreamID.user(userId)) else { return nil }
        let account = try hit.flatMap { $0.version == version ? $0.account : nil } ?? directory.account(userId)
        cached.withLock { cache in
            if cache.count >= Self.accountsMax { cache.removeAll(keepingCapacity: true) }
            cache[userId] = Entry(version: version, confirmedAtHead: head, account: account)
        }
        return account
    }
}
