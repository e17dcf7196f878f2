import LMDB

/// The outcome of walking the hash chain.
public struct VerificationReport: Sendable, Equatable {
    /// A record that failed, and why.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let position: UInt64
        public let reason: String
        public var description: String { "position \(position): \(reason)" }
    }

    public let eventsChecked: UInt64
    public let headPosition: UInt64
    /// The first bad position, or nil when the whole log is intact.
    public let firstProblem: Problem?

    public var isIntact: Bool { firstProblem == nil }
}

extension EventStore {
    /// Walks the log from position 1: every position present once and in order, every record
    /// decodable, every hash equal to SHA-256(previous hash ‖ record), the event-id and stream
    /// indexes pointing back at the record (up to `indexed-through`; the tail past it is not in
    /// them yet), and stream versions contiguous.
    ///
    /// - Parameter progress: called after each page with (events checked, head position).
    public func verify(pageEvents: Int = 8_192, progress: (UInt64, UInt64) -> Void = { _, _ in }) throws -> VerificationReport {
        var walker = ChainWalker()
        let head = headPosition
        while walker.nextPosition <= head, walker.problem == nil {
            try read { transaction in
                let indexedThrough = try IndexedThrough.read(in: transaction, layout: layout)
                try transaction.withCursor(layout.log) { cursor in
                    var entry = try cursor.seek(atOrAfter: LogKey.bytes(walker.nextPosition))
                    var checkedInPage = 0
                    while let current = entry, checkedInPage < pageEvents, walker.nextPosition <= head, walker.problem == nil {
                        try walker.check(
                            key: current.key, value: current.value, indexedThrough: indexedThrough,
                            transaction: transaction, layout: layout)
                        checkedInPage += 1
                        entry = try cursor.next()
                    }
                    if entry == nil, walker.nextPosition <= head, walker.problem == nil {
                        walker.fail(at: walker.nextPosition, "missing: the log ends before the head position \(head)")
                    }
                }
            }
            progress(walker.nextPosition - 1, head)
        }
        return VerificationReport(eventsChecked: walker.nextPosition - 1, headPosition: head, firstProblem: walker.problem)
    }
}

/// The state of a verification walk: where it is, the hash to chain to, and stream versions.
private struct ChainWalker {
    var nextPosition: UInt64 = 1
    var previousHash = ChainHash.zero
    var streamVersions: [String: UInt64] = [:]
    var problem: VerificationReport.Problem?

    mutating func fail(at position: UInt64, _ reason: String) {
        problem = VerificationReport.Problem(position: position, reason: reason)
    }

    mutating func check(
        key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, indexedThrough: UInt64,
        transaction: LMDB.Transaction, layout: StoreLayout
    ) throws {
        let position = nextPosition
        guard let found = LogKey.position(key), found == position else {
            let next = LogKey.position(key).map { "\($0)" } ?? "a \(key.count)-byte key"
            return fail(at: position, "missing: the next record in the log is \(next)")
        }
        let record: RecordedEvent
        do {
            record = try RecordCodec.decode(value, keyPosition: position)
        } catch let EventStoreError.corruptRecord(_, reason) {
            return fail(at: position, reason)
        }
        guard let parts = RecordCodec.hashParts(value),
            ChainHash.link(previous: previousHash, body: parts.body) == ChainHash(bytes: parts.hash)
        else {
            return fail(at: position, "hash mismatch: the record or the one before it was altered")
        }
        if let reason = try indexProblem(record, indexedThrough: indexedThrough, transaction: transaction, layout: layout) {
            return fail(at: position, reason)
        }
        streamVersions[record.streamId] = record.streamVersion
        previousHash = record.hash
        nextPosition += 1
    }

    private func indexProblem(
        _ record: RecordedEvent, indexedThrough: UInt64, transaction: LMDB.Transaction, layout: StoreLayout
    ) throws -> String? {
        let expectedVersion = streamVersions[record.streamId].map { $0 + 1 } ?? 0
        if record.streamVersion != expectedVersion {
            return "stream \(record.streamId) jumps to version \(record.streamVersion), expected \(expectedVersion)"
        }
        // Past indexed-through the id may be in the index already (a format 2 store had it there).
        let byId = try transaction.get(layout.eventIds, key: StoreLayout.eventIdKey(record.eventId)).map { BigEndian.uint64($0) }
        if byId.map({ $0 != record.position }) ?? (record.position <= indexedThrough) {
            return "the event-id index does not point at this record"
        }
        if record.position <= indexedThrough,
            try !StreamIndex.contains(record.streamId, version: record.streamVersion, position: record.position, in: transaction, layout: layout) {
            return "the stream index does not point at this record"
        }
        return nil
    }
}
