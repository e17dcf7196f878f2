import Foundation
import LMDB

/// Writes the requests of one group commit into its transaction, one after another.
///
/// A request that fails leaves nothing behind while the others in the batch go ahead: its
/// expected version is checked before any write, and its event ids are claimed before its
/// records are written, so a clash undoes only the ids this request claimed. Requests later
/// in the batch see the writes of earlier ones.
struct AppendStaging {
    let transaction: WriteTransaction
    let layout: StoreLayout
    private(set) var tail: LogTail
    private let recordedAt: Timestamp
    private var eventIdClaims: EventIdClaims
    // One cursor per written database for the whole transaction: see `WriteCursor`.
    private let logCursor: WriteCursor
    private let streamsCursor: WriteCursor
    private let categoriesCursor: WriteCursor

    init(transaction: WriteTransaction, layout: StoreLayout, tail: LogTail) throws {
        self.transaction = transaction
        self.layout = layout
        self.tail = tail
        self.recordedAt = max(Timestamp.now(), tail.recordedAt)
        eventIdClaims = EventIdClaims(cursor: try transaction.writeCursor(layout.eventIds))
        logCursor = try transaction.writeCursor(layout.log)
        streamsCursor = try transaction.writeCursor(layout.streams)
        categoriesCursor = try transaction.writeCursor(layout.categories)
    }

    /// Appends one request, or returns why it cannot be. Throws only for storage failures,
    /// which abort the whole transaction.
    mutating func stage(_ request: AppendRequest) throws -> Result<AppendResult, any Error> {
        let current = try StreamIndex.head(ofKey: request.streamKey, in: transaction, layout: layout)
        guard request.expected.isMet(byCurrentVersion: current) else {
            // A retry of an append that already landed succeeds whatever the stream's state now.
            if let retry = try idempotentOutcome(request) { return retry }
            return .failure(EventStoreError.wrongExpectedVersion(stream: request.stream, expected: request.expected, actual: current))
        }
        if request.importsRecordedAt, let problem = recordedAtProblem(request) { return .failure(problem) }
        if let clash = try claimEventIds(request) { return clash }
        let firstVersion = current.map { $0 + 1 } ?? 0
        let count = request.encoded.count
        var positions: [UInt64] = []
        positions.reserveCapacity(count)
        try request.encoded.bytes.withUnsafeBytes { bytes in
            for index in 0..<count {
                let imported = request.importsRecordedAt ? request.events[index].recordedAt : nil
                positions.append(try write(
                    request.encoded.body(index, in: bytes), importedRecordedAt: imported, version: firstVersion + UInt64(index),
                    streamKey: request.streamKey, categoryKey: request.categoryKey))
            }
        }
        return .success(AppendResult(positions: positions, streamVersion: firstVersion + UInt64(count - 1), appended: true))
    }

    /// Imported recorded-at times must keep the log's recorded-at non-decreasing.
    private func recordedAtProblem(_ request: AppendRequest) -> EventStoreError? {
        var latest = tail.recordedAt
        for index in request.events.indices {
            guard let imported = request.events[index].recordedAt else {
                latest = max(latest, recordedAt)
                continue
            }
            guard imported >= latest else {
                return .invalidInput(
                    field: "events[\(index)].recordedAt",
                    problem: "is \(imported), earlier than the log's last recorded-at \(latest)")
            }
            latest = imported
        }
        return nil
    }

    /// Maps each event id to the position it will get. On a clash with the log, removes the
    /// ids this request already claimed and returns the retry's (or conflict's) outcome.
    private mutating func claimEventIds(_ request: AppendRequest) throws -> Result<AppendResult, any Error>? {
        let clashed = try request.encoded.bytes.withUnsafeBytes { bytes -> Bool in
            for index in 0..<request.encoded.count {
                var position = (tail.position + 1 + UInt64(index)).bigEndian
                let key = request.encoded.eventIdKey(index, in: bytes)
                let claimed = try withUnsafeBytes(of: &position) { position in
                    try eventIdClaims.claim(key, position: position)
                }
                guard !claimed else { continue }
                for earlier in 0..<index {
                    try transaction.delete(layout.eventIds, key: Array(request.encoded.eventIdKey(earlier, in: bytes)))
                }
                eventIdClaims.forgetLargest()
                return true
            }
            return false
        }
        guard clashed else { return nil }
        return try idempotentOutcome(request)
            ?? .failure(EventStoreError.corruptRecord(position: tail.position, reason: "event-id index changed during an append"))
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
            let record = try layout.record(at: position, in: transaction)
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

    private mutating func write(
        _ body: UnsafeRawBufferPointer, importedRecordedAt: Timestamp?, version: UInt64, streamKey: [UInt8], categoryKey: [UInt8]
    ) throws -> UInt64 {
        let position = tail.position + 1
        let eventRecordedAt = importedRecordedAt ?? max(recordedAt, tail.recordedAt)
        var hash = ChainHash.zero
        let previousHash = tail.hash
        // Keys and values on the stack: this loop runs once per event in the hottest path.
        var entry = (version.bigEndian, position.bigEndian)
        try withUnsafeBytes(of: &entry) { entry in
            let positionKey = UnsafeRawBufferPointer(rebasing: entry[8..<16])
            try logCursor.put(key: positionKey, reservingBytes: body.count + RecordCodec.hashBytes, flags: .append) {
                hash = RecordCodec.seal(
                    body: body, position: position, streamVersion: version, recordedAt: eventRecordedAt,
                    previousHash: previousHash, into: $0)
            }
            try streamKey.withUnsafeBytes { key in
                try streamsCursor.put(key: key, value: entry, flags: .appendDuplicate)
            }
            try categoryKey.withUnsafeBytes { key in
                try categoriesCursor.put(key: key, value: positionKey, flags: .appendDuplicate)
            }
        }
        tail = LogTail(position: position, hash: hash, recordedAt: eventRecordedAt)
        return position
    }
}
