import Foundation
import LMDB

/// Writes the requests of one group commit into its transaction, one after another.
///
/// Each request is checked in full (idempotency, expected version) before its first write,
/// so a request that fails leaves nothing behind while the others in the batch go ahead.
/// Requests later in the batch see the writes of earlier ones.
struct AppendStaging {
    let transaction: WriteTransaction
    let layout: StoreLayout
    private(set) var tail: LogTail
    private let recordedAt: Timestamp

    init(transaction: WriteTransaction, layout: StoreLayout, tail: LogTail) {
        self.transaction = transaction
        self.layout = layout
        self.tail = tail
        self.recordedAt = max(Timestamp.now(), tail.recordedAt)
    }

    /// Appends one request, or returns why it cannot be. Throws only for storage failures,
    /// which abort the whole transaction.
    mutating func stage(_ request: AppendRequest) throws -> Result<AppendResult, any Error> {
        if let retry = try idempotentOutcome(request) { return retry }
        let current = try currentVersion(of: request.stream)
        guard Self.satisfies(request.expected, current: current) else {
            return .failure(EventStoreError.wrongExpectedVersion(stream: request.stream, expected: request.expected, actual: current))
        }
        let firstVersion = current.map { $0 + 1 } ?? 0
        var positions: [UInt64] = []
        positions.reserveCapacity(request.events.count)
        for (offset, event) in request.events.enumerated() {
            positions.append(try write(event, stream: request.stream, version: firstVersion + UInt64(offset)))
        }
        let lastVersion = firstVersion + UInt64(request.events.count - 1)
        try transaction.put(layout.heads, key: Array(request.stream.utf8), value: BigEndian.bytes(lastVersion))
        return .success(AppendResult(positions: positions, streamVersion: lastVersion, appended: true))
    }

    static func satisfies(_ expected: ExpectedVersion, current: UInt64?) -> Bool {
        switch expected {
        case .any: true
        case .noStream: current == nil
        case .streamExists: current != nil
        case .exactly(let version): current == version
        }
    }

    func currentVersion(of stream: String) throws -> UInt64? {
        guard let bytes = try transaction.get(layout.heads, key: Array(stream.utf8)) else { return nil }
        return BigEndian.uint64(bytes)
    }

    /// Nil when none of the request's event ids is in the log; otherwise the outcome of a retry.
    private func idempotentOutcome(_ request: AppendRequest) throws -> Result<AppendResult, any Error>? {
        var found: [(event: ProposedEvent, position: UInt64)] = []
        for event in request.events {
            guard let bytes = try transaction.get(layout.eventIds, key: StoreLayout.eventIdKey(event.eventId)) else { continue }
            found.append((event, BigEndian.uint64(bytes)))
        }
        guard !found.isEmpty else { return nil }
        var lastRecord: RecordedEvent?
        for (event, position) in found {
            let record = try readRecord(at: position)
            guard record.matches(event, in: request.stream) else {
                return .failure(EventStoreError.eventIdConflict(eventId: event.eventId, existingPosition: position))
            }
            lastRecord = record
        }
        guard found.count == request.events.count, let lastRecord else {
            return .failure(EventStoreError.partialRetry(stream: request.stream, alreadyAppended: found.count, of: request.events.count))
        }
        return .success(AppendResult(positions: found.map(\.position), streamVersion: lastRecord.streamVersion, appended: false))
    }

    private func readRecord(at position: UInt64) throws -> RecordedEvent {
        guard let bytes = try transaction.get(layout.log, key: BigEndian.bytes(position)) else {
            throw EventStoreError.corruptRecord(position: position, reason: "the event-id index points at a missing record")
        }
        return try RecordCodec.decode(bytes, keyPosition: position)
    }

    private mutating func write(_ event: ProposedEvent, stream: String, version: UInt64) throws -> UInt64 {
        let position = tail.position + 1
        let fields = RecordCodec.Fields(
            position: position, streamVersion: version, recordedAt: recordedAt, streamId: stream, event: event)
        let positionKey = BigEndian.bytes(position)
        var hash: [UInt8] = []
        let previousHash = tail.hash
        try positionKey.withUnsafeBytes { key in
            try transaction.put(layout.log, key: key, reservingBytes: RecordCodec.encodedBytes(fields), flags: .append) {
                hash = RecordCodec.encode(fields, previousHash: previousHash, into: $0)
            }
        }
        try transaction.put(layout.streams, key: StoreLayout.streamKey(stream, version: version), value: positionKey)
        try transaction.put(layout.eventIds, key: StoreLayout.eventIdKey(event.eventId), value: positionKey, flags: .noOverwrite)
        try transaction.put(
            layout.categories, key: Array(StreamName.category(of: stream).utf8), value: positionKey, flags: .appendDuplicate)
        tail = LogTail(position: position, hash: hash, recordedAt: recordedAt)
        return position
    }
}
