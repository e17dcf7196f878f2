/// A stream's index entry: the event's version in its stream and its position in the log.
struct StreamEntry: Sendable, Equatable {
    let version: UInt64
    let position: UInt64
}

/// The events of one successful append request, as the indexes need them: one stream,
/// contiguous versions at contiguous positions, and each event's id.
struct TailRun: Sendable {
    let stream: [UInt8]
    let category: [UInt8]
    let firstPosition: UInt64
    let firstVersion: UInt64
    /// The events' ids in order: `eventIds[i]` is at `firstPosition + i`.
    let eventIds: [UUIDOrder]

    var count: Int { eventIds.count }
}

/// The positions a read snapshot holds past its indexes: (`indexedThrough`, `head`].
struct TailBounds: Equatable {
    let indexedThrough: UInt64
    let head: UInt64

    var isEmpty: Bool { head <= indexedThrough }

    func contains(_ position: UInt64) -> Bool { position > indexedThrough && position <= head }
}

/// The stream, category and event-id index entries of the records past `indexedThrough`: the
/// log is written first, and these entries reach the `streams`, `categories` and `event-ids`
/// databases later, in batches (see ``IndexCatchUp``). Until then reads, the writer's
/// expected-version checks and its idempotency checks take them from here.
///
/// Positions in (`indexedThrough`, `head`] are covered without a gap; each stream's
/// versions are contiguous. Both are checked on every ``add(_:)``.
struct UnindexedTail: Sendable {
    private(set) var indexedThrough: UInt64
    private(set) var head: UInt64
    private(set) var streams: [[UInt8]: [StreamEntry]] = [:]
    private(set) var categories: [[UInt8]: [UInt64]] = [:]
    /// Event id → position, for the idempotency check and lookups by id.
    private(set) var eventIds = EventIdPositions()

    init(indexedThrough: UInt64) {
        self.indexedThrough = indexedThrough
        self.head = indexedThrough
    }

    /// Events past the indexes.
    var eventCount: Int { Int(head - indexedThrough) }

    /// The last version of `stream` in the tail, or nil when the tail has none of its events.
    func head(ofStream stream: [UInt8]) -> UInt64? { streams[stream]?.last?.version }

    mutating func add(_ run: TailRun) {
        precondition(run.firstPosition == head + 1, "tail gap: run at \(run.firstPosition) after head \(head)")
        if let last = streams[run.stream]?.last {
            precondition(run.firstVersion == last.version + 1, "tail version gap: \(run.firstVersion) after \(last.version)")
        }
        let offsets = 0..<UInt64(run.count)
        streams[run.stream, default: []].append(
            contentsOf: offsets.lazy.map { StreamEntry(version: run.firstVersion + $0, position: run.firstPosition + $0) })
        categories[run.category, default: []].append(contentsOf: offsets.lazy.map { run.firstPosition + $0 })
        for (offset, id) in run.eventIds.enumerated() { eventIds.insert(id, position: run.firstPosition + UInt64(offset)) }
        head += UInt64(run.count)
    }

    /// Everything through `position`, the head, is now in the LMDB indexes.
    mutating func markIndexed(through position: UInt64) {
        precondition(position == head, "indexed through \(position), but the tail's head is \(head)")
        indexedThrough = head
        streams = [:]
        categories = [:]
        eventIds = EventIdPositions()
    }

    /// After a commit that wrote the tail's entries and its own into the indexes, up to
    /// `position`: the tail is empty again, without adding that commit's runs first.
    mutating func markIndexed(withCommitThrough position: UInt64) {
        precondition(position >= head, "a commit through \(position) behind the tail's head \(head)")
        head = position
        markIndexed(through: position)
    }

    /// The position of the event with `id` in the tail, or nil.
    func position(ofEvent id: UUIDOrder) -> UInt64? { eventIds.position(of: id) }

    /// True when this tail holds every entry a snapshot with `bounds` needs.
    func covers(_ bounds: TailBounds) -> Bool {
        indexedThrough <= bounds.indexedThrough && head >= bounds.head
    }

    /// `stream`'s entries inside `bounds`, oldest first.
    func streamEntries(_ stream: [UInt8], within bounds: TailBounds) -> [StreamEntry] {
        guard let entries = streams[stream] else { return [] }
        return entries.filter { bounds.contains($0.position) }
    }

    /// The position of the event with `id` when it lies inside `bounds`.
    func position(ofEvent id: UUIDOrder, within bounds: TailBounds) -> UInt64? {
        position(ofEvent: id).flatMap { bounds.contains($0) ? $0 : nil }
    }

    /// `category`'s positions inside `bounds` from `position`, in log order.
    func categoryPositions(_ category: [UInt8], from position: UInt64, within bounds: TailBounds) -> [UInt64] {
        guard let positions = categories[category] else { return [] }
        return positions.filter { $0 >= position && bounds.contains($0) }
    }

    /// Streams whose first event lies inside `bounds`: the streams the indexes do not know yet.
    func newStreamCount(within bounds: TailBounds) -> Int {
        streams.values.reduce(0) { count, entries in
            count + (entries.first.map { $0.version == 0 && bounds.contains($0.position) } == true ? 1 : 0)
        }
    }
}
