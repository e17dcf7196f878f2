import Foundation
import LMDB

/// Writes the requests of one group commit into its transaction, one after another.
///
/// A request that fails leaves nothing behind while the others in the batch go ahead: its
/// expected version is checked before any write, and its event ids are claimed (in memory,
/// all or none) before its records are written. Requests later in the batch see the writes
/// of earlier ones.
///
/// Only the log is written here. The stream, category and event-id entries of the requests
/// that succeed are collected in ``runs``, for the writer to publish in the ``TailIndex``
/// once the commit has returned (and to write to the indexes later).
struct AppendStaging {
    let transaction: WriteTransaction
    let layout: StoreLayout
    private(set) var tail: LogTail
    /// The index entries of the requests staged so far, in log order.
    private(set) var runs: [TailRun] = []
    private let recordedAt: Timestamp
    /// The published tail when the transaction began: only this writer changes it, after commits.
    private let pending: UnindexedTail
    /// Heads the writer knew before this transaction (``StreamHeads``).
    private let knownHeads: StreamHeads
    /// Heads of the streams written by this transaction, which the ``TailIndex`` does not
    /// hold until it commits, and of those it found in the `streams` index: for the writer
    /// to remember once the commit has returned.
    private(set) var stagedHeads: [[UInt8]: UInt64] = [:]
    private var eventIdClaims: EventIdClaims
    // One cursor for the log for the whole transaction: see `WriteCursor`.
    private let logCursor: WriteCursor

    /// `expectedEvents`: how many events the requests to stage hold.
    init(
        transaction: WriteTransaction, layout: StoreLayout, tail: LogTail, pending: UnindexedTail, knownHeads: StreamHeads,
        expectedEvents: Int
    ) throws {
        self.transaction = transaction
        self.knownHeads = knownHeads
        self.layout = layout
        self.tail = tail
        self.pending = pending
        self.recordedAt = max(Timestamp.now(), tail.recordedAt)
        eventIdClaims = try EventIdClaims(transaction: transaction, layout: layout, tail: pending, expectedCount: expectedEvents)
        logCursor = try transaction.writeCursor(layout.log)
    }

    /// The stream's current version: staged in this transaction, else known to the writer,
    /// else in the unindexed tail, else in the `streams` index.
    private mutating func head(of stream: [UInt8]) throws -> UInt64? {
        if let staged = stagedHeads[stream] { return staged }
        if let known = knownHeads.version(of: stream) { return known }
        if let unindexed = pending.head(ofStream: stream) { return unindexed }
        let indexed = try StreamIndex.head(ofKey: stream, in: transaction, layout: layout)
        if let indexed { stagedHeads[stream] = indexed }
        return indexed
    }

    /// Appends one request, or returns why it cannot be. Throws only for storage failures,
    /// which abort the whole transaction.
    mutating func stage(_ request: AppendRequest) throws -> Result<AppendResult, any Error> {
        let current = try head(of: request.streamKey)
        guard request.expected.isMet(byCurrentVersion: current) else {
            // A retry of an append that already landed succeeds whatever the stream's state now.
            if let retry = try idempotentOutcome(request) { return retry }
            return .failure(EventStoreError.wrongExpectedVersion(stream: request.stream, expected: request.expected, actual: current))
        }
        if request.importsRecordedAt, let problem = recordedAtProblem(request) { return .failure(problem) }
        guard try eventIdClaims.claim(request.eventIds, firstPosition: tail.position + 1) else {
            return try idempotentOutcome(request)
                ?? .failure(EventStoreError.corruptRecord(position: tail.position, reason: "an event id was found and then not found"))
        }
        let firstVersion = current.map { $0 + 1 } ?? 0
        let count = request.encoded.count
        var positions: [UInt64] = []
        positions.reserveCapacity(count)
        try request.encoded.bytes.withUnsafeBytes { bytes in
            for index in 0..<count {
                let imported = request.importsRecordedAt ? request.events[index].recordedAt : nil
                positions.append(try write(
                    request.encoded.body(index, in: bytes), importedRecordedAt: imported, version: firstVersion + UInt64(index)))
            }
        }
        let lastVersion = firstVersion + UInt64(count - 1)
        stagedHeads[request.streamKey] = lastVersion
        runs.append(TailRun(
            stream: request.streamKey, category: request.categoryKey, firstPosition: positions[0],
            firstVersion: firstVersion, eventIds: request.eventIds))
        return .success(AppendResult(positions: positions, streamVersion: lastVersion, appended: true))
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

    /// Nil when none of the request's event ids is in the log; otherwise the outcome of a retry.
    private func idempotentOutcome(_ request: AppendRequest) throws -> Result<AppendResult, any Error>? {
        var found: [(event: ProposedEvent, position: UInt64)] = []
        for (event, id) in zip(request.events, request.eventIds) {
            guard let position = try eventIdClaims.position(of: id) else { continue }
            found.append((event, position))
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

    private mutating func write(_ body: UnsafeRawBufferPointer, importedRecordedAt: Timestamp?, version: UInt64) throws -> UInt64 {
        let position = tail.position + 1
        let eventRecordedAt = importedRecordedAt ?? max(recordedAt, tail.recordedAt)
        var hash = ChainHash.zero
        let previousHash = tail.hash
        // The key on the stack: this loop runs once per event in the hottest path.
        try LogKey.withBytes(position) { positionKey in
            try logCursor.put(key: positionKey, reservingBytes: body.count + RecordCodec.hashBytes, flags: .append) {
                hash = RecordCodec.seal(
                    body: body, position: position, streamVersion: version, recordedAt: eventRecordedAt,
                    previousHash: previousHash, into: $0)
            }
        }
        tail = LogTail(position: position, hash: hash, recordedAt: eventRecordedAt)
        return position
    }
}
