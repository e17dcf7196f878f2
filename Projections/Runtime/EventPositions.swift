import EventStore
import Foundation

/// The log positions of the events corrections and voids name, for models built in memory:
/// asked of the store's event id index, once per event for every projection (most of the
/// models apply each correction).
final class EventPositions {
    private let store: EventStore
    private var known: [UUID: UInt64?] = [:]

    init(store: EventStore) { self.store = store }

    /// The position of `eventId` in the log, nil when the log has no such event.
    func position(of eventId: UUID) throws -> UInt64? {
        if let position = known[eventId] { return position }
        let position = try store.position(ofEvent: eventId)
        known[eventId] = position
        return position
    }
}
