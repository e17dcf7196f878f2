import Dispatch
import EventStore
import LMDB

extension BatchReader {
    /// The most events one in-memory build folds: it holds every fact of every empty model
    /// until it writes them (about 0.6 KB an event across the seven read models).
    static let emptyBuildEventsMax = 4_000_000

    /// Events handed between the pipeline's stages during an in-memory build: no transaction
    /// ends with a batch, so small ones only let the stages overlap sooner.
    static let emptyBuildBatchEvents = 8_192

    /// Builds every model that is still empty (no checkpoint, empty databases) in memory from
    /// the start of the log up to `head` (at most `maxEvents` events and `eventsMax`), then
    /// writes each in one transaction of its own with its checkpoint. Returns how many events
    /// it read (0 when no model was empty). Models that are not empty are left to the batches.
    func buildEmptyModels(head: UInt64, maxEvents: Int, storage: ProjectionStorage, eventsMax: Int = emptyBuildEventsMax) throws -> Int {
        guard head > 0, maxEvents > 0, eventsMax > 0 else { return 0 }
        let empty = try storage.environment.read { txn in try runners.all.filter { try $0.isEmpty(in: txn) } }
        guard !empty.isEmpty else { return 0 }
        let through = min(head, UInt64(min(maxEvents, eventsMax)))
        let preparer = BatchPreparer(typeNumbers: runners.preparer.typeNumbers, steps: empty.map(\.preparation))
        let pipeline = DecodePipeline(
            store: store, decoder: decoder, preparer: preparer, from: 1, through: through, batchEvents: Self.emptyBuildBatchEvents)
        defer { pipeline.stop() }
        var builds: [(any EmptyModelBuilding)?] = empty.map { $0.startEmptyBuild() }
        let positions = EventPositions(store: store)
        var read = 0
        while let batch = try pipeline.next() {
            for (build, prepared) in zip(builds, batch.projections) { try build?.fold(batch.events, prepared: prepared, positions: positions) }
            read += batch.events.count
        }
        // Each model is written in a transaction of its own, so they are written in the order
        // their sorts finish (none is nil yet, so the indices are the builds').
        let sorted = BuildSorter.sortInBackground(builds.compactMap { $0 })
        for _ in builds.indices {
            guard let index = try sorted.take(), let build = builds[index] else { continue }
            let checkpoint = try storage.environment.write { txn in try empty[index].write(build, in: txn, storage: storage) }
            empty[index].committed(checkpoint: checkpoint)
            builds[index] = nil  // what it held is on disk now
        }
        return read
    }
}
