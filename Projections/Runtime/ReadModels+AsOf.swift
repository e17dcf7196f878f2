public import EventStore
import Foundation

extension ReadModels {
    /// Every read model as it stood after `position`, built from the log into a temporary
    /// environment of its own (removed when the last copy of the result goes away), never
    /// touching the live models: how administrators replay history for compliance.
    public static func asOf(position: UInt64, store: EventStore) throws -> ReadModels {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("harbour-as-of-\(UUID().uuidString)")
        // Nothing here must survive a crash, so commits skip fsync.
        let storage = try ProjectionStorage(directory: directory, syncDisabled: true, removeOnClose: true)
        let runners: ProjectionRunners
        do {
            runners = try ProjectionRunners(storage: storage, versions: [:], ownsStorage: true)
        } catch {
            storage.close()
            throw error
        }
        let batches = BatchReader(store: store, runners: runners, batchEvents: asOfBatchEvents)
        let head = min(position, store.headPosition)
        _ = try batches.applyAll(head: head, storage: storage)
        return ReadModels(store: store, source: runners.source, checkpoints: runners.servingCheckpoints)
    }

    /// Events per transaction of an as-of build (large: nobody reads it until it is done).
    static let asOfBatchEvents = 50_000

    /// Every read model as it stood at `date` (the last event recorded at or before it).
    public static func asOf(recordedAt date: Timestamp, store: EventStore) throws -> ReadModels {
        try asOf(position: try store.position(recordedAtOrBefore: date), store: store)
    }
}
