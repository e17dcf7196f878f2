/// A stream's index entry: the event's version in its stream and its position in the log.
struct StreamEntry: Sendable, Equatable {
    let version: UInt64
    let position: UInt64
}

/// The events of one successful append request, as the indexes need them: one stream,
/// contiguous versions at contiguous positions.
struct TailRun: Sendable {
    let stream: [UInt8]
    let category: [UInt8]
    let firstPosition: UInt64
    let firstVersion: UInt64
    let count: Int
}

/// The positions a read snapshot holds past its indexes: (`indexedThrough`, `head`].
struct TailBounds: Equatable {
    let indexedThrough: UInt64
    let head: UInt64

    var isEmpty: Bool { head <= indexedThrough }

    func contains(_ position: UInt64) -> Bool { position > indexedThrough && position <= head }
}

/// The stream and category index entries of the records past `indexedThrough`: the log is
/// written first, and these entries reach the `streams` and `categories` databases later, in
/// batches (see ``IndexCatchUp``). Until then reads and the writer's expected-version checks
/// take them from here.
///
/// Positions in (`indexedThrough`, `head`] are covered without a gap; each stream's
/// versions are contiguous. Both are checked on every ``add(_:)``.
struct UnindexedTail: Sendable {
    private(set) var indexedThrough: UInt64
    private(set) var head: UInt64
    private(set) var streams: [[UInt8]: [StreamEntry]] = [:]
    private(set) var categories: [[UInt8]: [UInt64]] = [:]

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
        head += UInt64(run.count)
    }

    /// Everything through `position`, the head, is now in the LMDB indexes.
    mutating func markIndexed(through position: UInt64) {
        precondition(position == head, "indexed through \(position), but the tail's head is \(head)")
        indexedThrough = head
        streams = [:]
        categories = [:]
    }

    /// True when this tail holds every entry a snapshot with `bounds` needs.
    func covers(_ bounds: TailBounds) -> Bool {
        indexedThrough <= bounds.indexedThrough && head >= bounds.head
    }

    /// `stream`'s entries inside `bounds`, oldest first.
    func streamEntries(_ stream: [UInt8], within bounds: TailBounds) -> [StreamEntry] {
        guard let entries = streams[stream] else { return [] }
        return entries.filter { bounds.contains($0.position) }
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
