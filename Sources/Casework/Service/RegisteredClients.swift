import Events
import Synchronization

/// Clients known to be registered. A registration is a client stream's first event and can
/// never be voided, so a client found registered stays so; forgetting is always safe (the
/// next check reads the log again), which is how the set stays bounded.
final class RegisteredClients: Sendable {
    /// Most clients remembered; past it the set starts again empty.
    static let clientsMax = 200_000

    private let clients = Mutex(Set<ClientID>())

    func contains(_ clientId: ClientID) -> Bool {
        clients.withLock { $0.contains(clientId) }
    }

    func insert(_ clientId: ClientID) {
        clients.withLock { clients in
            if clients.count >= Self.clientsMax { clients.removeAll(keepingCapacity: true) }
            clients.insert(clientId)
        }
    }

    /// How many are remembered (for tests).
    var count: Int { clients.withLock { $0.count } }
}
