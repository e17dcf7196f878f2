/// One event id and the position of its event.
struct EventIdEntry: Sendable, Equatable {
    let id: UUIDOrder
    let position: UInt64
}

/// Event id → position, for ids that mostly come in increasing order (UUIDv7s minted in this
/// process, ``UUIDv7/make(at:)``): an id larger than every earlier one is appended to a sorted
/// array, with no hashing; only the others go into a dictionary. A bulk append of 10,000
/// events spent more on hashing ids into a dictionary than on SHA-256.
struct EventIdPositions: Sendable {
    /// Increasing ids, in the order they came.
    private(set) var ascending: [EventIdEntry] = []
    /// The ids that came smaller than an earlier one.
    private var others: [UUIDOrder: UInt64] = [:]
    /// The largest id held: a larger one is not here, without a lookup.
    private(set) var largest: UUIDOrder?
    /// How many ids the holder expects: the dictionary takes room for them at its first id,
    /// instead of growing (and rehashing) step by step over a 10,000-event commit.
    private let expectedCount: Int

    init(expectedCount: Int = 0) {
        self.expectedCount = expectedCount
    }

    var count: Int { ascending.count + others.count }

    /// Adds `id` at `position`; the caller knows `id` is not here yet.
    mutating func insert(_ id: UUIDOrder, position: UInt64) {
        if let largest, id <= largest {
            if others.isEmpty { others.reserveCapacity(max(expectedCount - ascending.count, 1)) }
            others[id] = position
        } else {
            ascending.append(EventIdEntry(id: id, position: position))
            largest = id
        }
    }

    /// The position of `id`, or nil.
    func position(of id: UUIDOrder) -> UInt64? {
        guard let largest, id <= largest else { return nil }
        if let position = others[id] { return position }
        var low = 0
        var high = ascending.count
        while low < high {
            let middle = (low + high) / 2
            if ascending[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < ascending.count && ascending[low].id == id ? ascending[low].position : nil
    }

    /// Every entry, in id order (the `event-ids` index's key order).
    func sorted() -> [EventIdEntry] {
        guard !others.isEmpty else { return ascending }
        return (ascending + others.map { EventIdEntry(id: $0.key, position: $0.value) }).sorted { $0.id < $1.id }
    }
}
