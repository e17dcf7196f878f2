public import Foundation
import LMDB

/// Which way a stream is read.
public enum ReadDirection: Sendable {
    case forwards, backwards
}

extension EventStore {
    /// Events of `stream` from `version` (inclusive; default: the first event forwards, the
    /// last backwards), at most `limit`.
    public func readStream(
        _ stream: String, from version: UInt64? = nil, direction: ReadDirection = .forwards, limit: Int = .max
    ) throws -> [RecordedEvent] {
        try readStream(stream, from: version, direction: direction, limit: limit, source: .publishedOrLog)
    }

    /// ``readStream(_:from:direction:limit:)`` taking the unindexed tail from `source`.
    func readStream(
        _ stream: String, from version: UInt64?, direction: ReadDirection, limit: Int, source: TailSource
    ) throws -> [RecordedEvent] {
        try read { transaction in
            let positions = try streamPositions(
                Array(stream.utf8), from: version, direction: direction, limit: limit, in: transaction, source: source)
            return try positions.map { try layout.record(at: $0, in: transaction) }
        }
    }

    /// The version of the last event in `stream`, or nil if the stream does not exist.
    public func streamVersion(_ stream: String) throws -> UInt64? {
        try streamVersion(stream, source: .publishedOrLog)
    }

    /// ``streamVersion(_:)`` taking the unindexed tail from `source`.
    func streamVersion(_ stream: String, source: TailSource) throws -> UInt64? {
        let key = Array(stream.utf8)
        return try read { transaction in
            let unindexed = try unindexedEntries(ofStream: key, in: transaction, source: source).last?.version
            return try unindexed ?? StreamIndex.head(ofKey: key, in: transaction, layout: layout)
        }
    }

    /// Positions of the stream's events: the indexed ones, then the unindexed tail's (whose
    /// versions are all higher), or the other way round backwards.
    private func streamPositions(
        _ key: [UInt8], from version: UInt64?, direction: ReadDirection, limit: Int, in transaction: Transaction, source: TailSource
    ) throws -> [UInt64] {
        guard limit > 0 else { return [] }
        let unindexed = try unindexedEntries(ofStream: key, in: transaction, source: source)
        switch direction {
        case .forwards:
            let first = version ?? 0
            var positions = try StreamIndex.positions(
                ofKey: key, from: first, direction: .forwards, limit: limit, in: transaction, layout: layout)
            for entry in unindexed where entry.version >= first && positions.count < limit { positions.append(entry.position) }
            return positions
        case .backwards:
            let last = version ?? .max
            var positions: [UInt64] = Array(unindexed.reversed().lazy.filter { $0.version <= last }.prefix(limit).map(\.position))
            if positions.count < limit {
                positions += try StreamIndex.positions(
                    ofKey: key, from: last, direction: .backwards, limit: limit - positions.count, in: transaction, layout: layout)
            }
            return positions
        }
    }

    /// Events of the whole log from `position` (inclusive), at most `limit`.
    public func readAll(from position: UInt64 = 1, limit: Int) throws -> [RecordedEvent] {
        guard limit > 0 else { return [] }
        var events: [RecordedEvent] = []
        try scan(from: position, pageEvents: Swift.max(1, Swift.min(limit, 4_096))) { event in
            events.append(event)
            return events.count < limit
        }
        return events
    }

    /// Events of every stream in `category` (the stream id's part before the first `-`),
    /// in log order from `position`, at most `limit`.
    public func readCategory(_ category: String, from position: UInt64 = 1, limit: Int) throws -> [RecordedEvent] {
        try readCategory(category, from: position, limit: limit, source: .publishedOrLog)
    }

    /// ``readCategory(_:from:limit:)`` taking the unindexed tail from `source`.
    func readCategory(_ category: String, from position: UInt64, limit: Int, source: TailSource) throws -> [RecordedEvent] {
        let key = Array(category.utf8)
        return try read { transaction in
            var events = try transaction.withCursor(layout.categories) { cursor in
                var events: [RecordedEvent] = []
                var entry = try cursor.seek(key: key, valueAtOrAfter: BigEndian.bytes(position))
                while let current = entry, events.count < limit {
                    events.append(try layout.record(at: BigEndian.uint64(current.value), in: transaction))
                    entry = try cursor.nextDuplicate()
                }
                return events
            }
            guard events.count < limit else { return events }
            // The tail's positions all come after the indexed ones.
            let unindexed = try unindexedPositions(ofCategory: key, from: position, in: transaction, source: source)
            for position in unindexed.prefix(limit - events.count) {
                events.append(try layout.record(at: position, in: transaction))
            }
            return events
        }
    }

    /// The event at `position`, or nil past the head.
    public func event(at position: UInt64) throws -> RecordedEvent? {
        try read { transaction in
            guard let bytes = try LogKey.withBytes(position, { try transaction.get(layout.log, key: $0) }) else { return nil }
            return try RecordCodec.decode(bytes, keyPosition: position)
        }
    }

    /// The position of the event with this id, or nil.
    public func position(ofEvent eventId: UUID) throws -> UInt64? {
        try position(ofEvent: eventId, source: .publishedOrLog)
    }

    func position(ofEvent eventId: UUID, source: TailSource) throws -> UInt64? {
        try read { transaction in
            if let indexed = try transaction.get(layout.eventIds, key: StoreLayout.eventIdKey(eventId)) {
                return BigEndian.uint64(indexed)
            }
            return try unindexedPosition(ofEvent: UUIDOrder(eventId), in: transaction, source: source)
        }
    }

    /// Calls `body` with every event from `position` in log order until it returns false.
    /// Reads in snapshots of `pageEvents` events, so a long scan never pins one old snapshot.
    public func scan(from position: UInt64 = 1, pageEvents: Int = 4_096, _ body: (RecordedEvent) throws -> Bool) throws {
        var next = max(position, 1)
        var keepGoing = true
        while keepGoing {
            let page: [RecordedEvent] = try read { transaction in
                try transaction.withCursor(layout.log) { cursor in
                    var page: [RecordedEvent] = []
                    page.reserveCapacity(pageEvents)
                    var entry = try cursor.seek(atOrAfter: LogKey.bytes(next))
                    while let current = entry, page.count < pageEvents, let position = LogKey.position(current.key) {
                        page.append(try RecordCodec.decode(current.value, keyPosition: position))
                        entry = try cursor.next()
                    }
                    return page
                }
            }
            guard let lastPosition = page.last?.position else { return }
            // By index, not `for event in page`: the iterator copied every event (four retains).
            var index = 0
            while keepGoing && index < page.count {
                keepGoing = try body(page[index])
                index += 1
            }
            next = lastPosition + 1
        }
    }

    /// The position of the last event recorded at or before `date` (0 if none): recorded-at
    /// times never decrease along the log, so this is a binary search.
    public func position(recordedAtOrBefore date: Timestamp) throws -> UInt64 {
        var low: UInt64 = 0
        var high = headPosition
        while low < high {
            let middle = low + (high - low + 1) / 2
            guard let event = try event(at: middle) else { break }
            if event.recordedAt <= date { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
