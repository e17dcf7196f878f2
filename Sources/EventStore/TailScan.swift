import Foundation
import LMDB

/// Reading the unindexed tail from the log itself: at open (after a crash the tail exists
/// only in the log), and for a reader whose snapshot the published ``TailIndex`` does not
/// cover (another process, or a race with the index catch-up).
enum TailScan {
    /// The snapshot's bounds: its `indexed-through` and its last position.
    static func bounds(in transaction: Transaction, layout: StoreLayout) throws -> TailBounds {
        try bounds(head: lastPosition(in: transaction, layout: layout), in: transaction, layout: layout)
    }

    /// The bounds of a snapshot whose log ends at `head`.
    static func bounds(head: UInt64, in transaction: Transaction, layout: StoreLayout) throws -> TailBounds {
        TailBounds(indexedThrough: try IndexedThrough.read(in: transaction, layout: layout), head: head)
    }

    /// The snapshot's last position in the log (0 when it is empty).
    static func lastPosition(in transaction: Transaction, layout: StoreLayout) throws -> UInt64 {
        try transaction.withCursor(layout.log) { cursor in
            try cursor.last().flatMap { LogKey.position($0.key) } ?? 0
        }
    }

    /// What the indexes need of one record past them. `stream` is valid only during the call.
    struct Record {
        let position: UInt64
        let version: UInt64
        let eventId: UUIDOrder
        let stream: UnsafeRawBufferPointer
    }

    /// Calls `body` with every record inside `bounds`, in log order.
    static func forEach(
        in transaction: Transaction, layout: StoreLayout, bounds: TailBounds, _ body: (Record) throws -> Void
    ) throws {
        guard !bounds.isEmpty else { return }
        try transaction.withCursor(layout.log) { cursor in
            var entry = try cursor.seek(atOrAfter: LogKey.bytes(bounds.indexedThrough + 1))
            while let current = entry, let position = LogKey.position(current.key), position <= bounds.head {
                let fields = try RecordCodec.indexFields(current.value, keyPosition: position)
                try body(Record(position: position, version: fields.version, eventId: fields.eventId, stream: fields.stream))
                entry = try cursor.next()
            }
        }
    }

    /// The whole tail of `bounds`, read from the log: what a writer opening the store needs.
    static func tail(in transaction: Transaction, layout: StoreLayout, bounds: TailBounds) throws -> UnindexedTail {
        var tail = UnindexedTail(indexedThrough: bounds.indexedThrough)
        try forEach(in: transaction, layout: layout, bounds: bounds) { record in
            let stream = Array(record.stream)
            let expectedVersion = tail.head(ofStream: stream).map { $0 + 1 }
            guard record.position == tail.head + 1, expectedVersion == nil || expectedVersion == record.version else {
                throw EventStoreError.corruptRecord(
                    position: record.position, reason: "the log past the indexes is not gapless with contiguous versions")
            }
            if let earlier = tail.position(ofEvent: record.eventId) {
                throw EventStoreError.corruptRecord(
                    position: record.position, reason: "its event id is also the id of the record at \(earlier)")
            }
            tail.add(TailRun(
                stream: stream, category: StreamName.category(ofKey: stream), firstPosition: record.position,
                firstVersion: record.version, eventIds: [record.eventId]))
        }
        return tail
    }

    /// One stream's entries inside `bounds`, without building the whole tail.
    static func streamEntries(
        _ stream: [UInt8], in transaction: Transaction, layout: StoreLayout, bounds: TailBounds
    ) throws -> [StreamEntry] {
        var entries: [StreamEntry] = []
        try stream.withUnsafeBytes { key in
            try forEach(in: transaction, layout: layout, bounds: bounds) { record in
                if record.stream.elementsEqual(key) { entries.append(StreamEntry(version: record.version, position: record.position)) }
            }
        }
        return entries
    }

    /// One category's positions inside `bounds` from `first`, without building the whole tail.
    static func categoryPositions(
        _ category: [UInt8], from first: UInt64, in transaction: Transaction, layout: StoreLayout, bounds: TailBounds
    ) throws -> [UInt64] {
        var positions: [UInt64] = []
        try category.withUnsafeBytes { key in
            try forEach(in: transaction, layout: layout, bounds: bounds) { record in
                let categoryBytes = StreamName.categoryByteCount(ofKey: record.stream)
                if record.position >= first, UnsafeRawBufferPointer(rebasing: record.stream[..<categoryBytes]).elementsEqual(key) {
                    positions.append(record.position)
                }
            }
        }
        return positions
    }

    /// The position of the event with `id` inside `bounds`, or nil.
    static func position(ofEvent id: UUIDOrder, in transaction: Transaction, layout: StoreLayout, bounds: TailBounds) throws -> UInt64? {
        var found: UInt64?
        try forEach(in: transaction, layout: layout, bounds: bounds) { record in
            if found == nil && record.eventId == id { found = record.position }
        }
        return found
    }

    /// Streams whose first event lies inside `bounds`.
    static func newStreamCount(in transaction: Transaction, layout: StoreLayout, bounds: TailBounds) throws -> Int {
        var count = 0
        try forEach(in: transaction, layout: layout, bounds: bounds) { record in
            if record.version == 0 { count += 1 }
        }
        return count
    }
}

/// The `indexed-through` position in `meta`: every record at or before it has its entries in
/// the `streams` and `categories` databases. Written in the transaction that writes them.
enum IndexedThrough {
    static let key = Array("indexed-through".utf8)

    /// 0 when absent: a new store, whose indexes are empty.
    static func read(in transaction: Transaction, layout: StoreLayout) throws -> UInt64 {
        guard let bytes = try transaction.get(layout.meta, key: key) else { return 0 }
        guard bytes.count == 8 else {
            throw EventStoreError.corruptRecord(position: 0, reason: "meta indexed-through is \(bytes.count) bytes, not 8")
        }
        return BigEndian.uint64(bytes)
    }

    static func write(_ position: UInt64, in transaction: WriteTransaction, layout: StoreLayout) throws {
        try transaction.put(layout.meta, key: key, value: BigEndian.bytes(position))
    }
}
