import LMDB

/// Claims event ids for the requests of one append transaction, without writing the
/// `event-ids` index: ids reach it later with the other index entries (``IndexCatchUp``), so
/// the durable commit of an append writes the log alone.
///
/// An id is in the log when it is in the index, in the unindexed tail, or claimed earlier in
/// this transaction. Ids minted in this process are UUIDv7s that increase
/// (``UUIDv7/make(at:)``), so a new id usually sorts after every id of all three: it is known
/// to be new without a lookup. Any other id (a retry, an import, another clock's) is looked up.
struct EventIdClaims {
    private let transaction: WriteTransaction
    private let layout: StoreLayout
    /// The tail as it was when the transaction began; only this writer changes it, after commits.
    private let tail: UnindexedTail
    /// Ids claimed by this transaction → their positions.
    private var claimed: EventIdPositions
    /// The largest id in the index or the tail.
    private let largestBefore: UUIDOrder?

    /// `expectedCount`: how many ids the transaction may claim.
    init(transaction: WriteTransaction, layout: StoreLayout, tail: UnindexedTail, expectedCount: Int) throws {
        self.transaction = transaction
        claimed = EventIdPositions(expectedCount: expectedCount)
        self.layout = layout
        self.tail = tail
        let indexed = try transaction.writeCursor(layout.eventIds).lastKey { UUIDOrder($0) }
        largestBefore = [indexed, tail.eventIds.largest].compactMap { $0 }.max()
    }

    /// The position of the event with `id`: claimed in this transaction, in the tail, or in the
    /// index; nil when no event has it.
    func position(of id: UUIDOrder) throws -> UInt64? {
        if let position = claimed.position(of: id) { return position }
        guard let largestBefore, id <= largestBefore else { return nil }
        if let position = tail.position(ofEvent: id) { return position }
        return try id.withKeyBytes { try transaction.get(layout.eventIds, key: $0) }.map { BigEndian.uint64($0) }
    }

    /// Claims `ids[i]` for `firstPosition + i`; false, claiming none, when any is in the log.
    /// The ids of one request are distinct (``AppendValidation`` checks).
    mutating func claim(_ ids: [UUIDOrder], firstPosition: UInt64) throws -> Bool {
        for id in ids {
            if try position(of: id) != nil { return false }
        }
        for (offset, id) in ids.enumerated() { claimed.insert(id, position: firstPosition + UInt64(offset)) }
        return true
    }
}

/// Writes event ids into the `event-ids` index at its end when it can.
///
/// An id that sorts after every id in the index goes in with `MDB_APPEND`, which skips the
/// search and fills pages to the brim instead of splitting them in half; any other takes a
/// normal put. An id already there must point at the same position (a store written by a
/// build that put ids in the append's commit has them twice: in the index and in the tail).
struct EventIdIndexWriter {
    private let cursor: WriteCursor
    private var largest: UUIDOrder?

    init(transaction: WriteTransaction, layout: StoreLayout) throws {
        cursor = try transaction.writeCursor(layout.eventIds)
        largest = try cursor.lastKey { UUIDOrder($0) }
    }

    /// Writes `id` → `position`; throws ``EventStoreError/corruptRecord(position:reason:)`` when
    /// the index already maps `id` to another position.
    mutating func put(_ id: UUIDOrder, position: UInt64, in transaction: WriteTransaction, layout: StoreLayout) throws {
        var value = position.bigEndian
        let isLargest = largest.map { id > $0 } ?? true
        let inserted = try id.withKeyBytes { key in
            try withUnsafeBytes(of: &value) { try cursor.insert(key: key, value: $0, flags: isLargest ? .append : []) }
        }
        if inserted {
            if isLargest { largest = id }
            return
        }
        let existing = try id.withKeyBytes { try transaction.get(layout.eventIds, key: $0) }.map { BigEndian.uint64($0) }
        guard existing == position else {
            throw EventStoreError.corruptRecord(
                position: position, reason: "its event id is also the id of the record at \(existing.map(String.init) ?? "?")")
        }
    }
}
