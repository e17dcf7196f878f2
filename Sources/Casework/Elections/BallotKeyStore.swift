public import Crypto
public import Events

/// Where each election's ballot key lives while balloting is open: apart from the log, so
/// nobody holding the log (or a backup of it) can open the sealed ballots, and destroyed when
/// balloting closes, after which nobody can.
public protocol BallotKeyStore: Sendable {
    /// The election's key; when there is none and `create` is true, a new random key is stored
    /// durably first. Nil when there is none and `create` is false.
    func key(for election: ElectionID, create: Bool) throws -> SymmetricKey?
    /// Destroys the election's key; nothing happens when there is none.
    func destroyKey(for election: ElectionID) throws
}

/// What can go wrong with ballot keys and sealed ballots; each is a fault of the installation
/// or of the data, never of the voter's request.
public enum BallotKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service was built without a ballot key store (only an `EventStore` log gets one by
    /// default).
    case noKeyStore
    /// Sealed ballots exist but the election's key does not.
    case keyMissing(election: ElectionID, location: String)
    /// The key file is there but cannot be used.
    case keyUnreadable(location: String, problem: String)
    /// Writing or destroying a key failed.
    case keyStorageFailed(location: String, problem: String)
    /// A sealed ballot does not open.
    case sealedBallotUnreadable(problem: String)

    public var description: String {
        switch self {
        case .noKeyStore:
            return "no ballot key store is configured: give CaseworkService a `ballotKeys` store"
        case .keyMissing(let election, let location):
            return "election \(election) has sealed ballots but its ballot key is missing (\(location)); restore the key from the backup taken with the log, then close balloting again"
        case .keyUnreadable(let location, let problem):
            return "the ballot key at \(location) cannot be used: \(problem)"
        case .keyStorageFailed(let location, let problem):
            return "the ballot key at \(location) could not be written or destroyed: \(problem)"
        case .sealedBallotUnreadable(let problem):
            return "a sealed ballot cannot be opened: \(problem)"
        }
    }
}
