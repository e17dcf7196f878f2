import EventStore
import Foundation

/// Reads and decodes a stretch of the log on one thread and works out every projection's
/// placements on another, handing over prepared batches, while the caller writes the batches
/// it already has. Three stages of similar cost (scan and decode; placements; LMDB writes) on
/// two cores keep both busy; at most `depth` batches wait between stages, so memory stays
/// bounded however far behind the models are.
final class DecodePipeline: Sendable {
    private let decoded: Handoff<[ProjectionEvent]>
    private let prepared: Handoff<PreparedBatch>

    /// Starts decoding positions `from...through` of `store` in batches of `batchEvents` (the
    /// first at most `firstBatchEvents`), each prepared for every projection by `preparer`.
    init(
        store: EventStore, decoder: ProjectionDecoder, preparer: BatchPreparer, from: UInt64, through: UInt64, batchEvents: Int,
        firstBatchEvents: Int = firstBatchEventsMax, depth: Int = 2
    ) {
        let decoded = Handoff<[ProjectionEvent]>(depth: depth)
        let prepared = Handoff<PreparedBatch>(depth: depth)
        self.decoded = decoded
        self.prepared = prepared
        let reading = Thread {
            Self.decode(
                store: store, decoder: decoder, from: from, through: through, batchEvents: max(1, batchEvents),
                firstBatchEvents: max(1, firstBatchEvents), into: decoded)
        }
        reading.name = "harbour-projection-decode"
        reading.start()
        let placing = Thread {
            do {
                while let batch = try decoded.take() {
                    guard prepared.put(preparer.prepare(batch)) else { break }
                }
                prepared.finish()
            } catch {
                prepared.finish(failure: error)
            }
        }
        placing.name = "harbour-projection-place"
        placing.start()
    }

    /// The next prepared batch in log order; nil once `through` has been handed over. Blocks
    /// only while the stages are still working on it. Rethrows a read or decoding failure.
    func next() throws -> PreparedBatch? { try prepared.take() }

    /// Tells both stages to stop and waits until they have let go of the store (at most the
    /// end of the batch each is on). Call it before the caller returns, whether or not it read
    /// every batch: the store must not be closed under a running scan.
    func stop() {
        prepared.stop()
        decoded.stop()
        prepared.waitUntilFinished()
        decoded.waitUntilFinished()
    }

    /// The size of the first batch handed over: the writer waits for it, so a small one lets
    /// it start after a page's decoding and placing instead of a whole batch's (with batches
    /// of 50,000 that wait was a sixth of a 200,000-event rebuild).
    static let firstBatchEventsMax = 4_096

    private static func decode(
        store: EventStore, decoder: ProjectionDecoder, from: UInt64, through: UInt64, batchEvents: Int, firstBatchEvents: Int,
        into decoded: Handoff<[ProjectionEvent]>
    ) {
        var batch: [ProjectionEvent] = []
        batch.reserveCapacity(min(batchEvents, Int(clamping: through &- from &+ 1)))
        var batchSize = min(batchEvents, firstBatchEvents)
        do {
            try store.scan(from: from, pageEvents: min(batchEvents, 4_096)) { record in
                guard record.position <= through else { return false }
                batch.append(try decoder.decode(record))
                if batch.count >= batchSize || record.position == through {
                    guard decoded.put(batch) else { return false }
                    batch.removeAll(keepingCapacity: true)
                    batchSize = batchEvents
                }
                return record.position < through
            }
            if !batch.isEmpty { _ = decoded.put(batch) }
            decoded.finish()
        } catch {
            decoded.finish(failure: error)
        }
    }
}
