import EventStore

/// Reads the log in batches from the lowest checkpoint and applies each batch to every
/// projection in one write transaction. Synchronous: the host calls it between yields, and
/// as-of folds call it in a loop.
struct BatchReader {
    let store: EventStore
    let runners: ProjectionRunners
    let decoder: ProjectionDecoder
    /// Events per write transaction.
    let batchEvents: Int

    init(store: EventStore, runners: ProjectionRunners, batchEvents: Int) {
        self.store = store
        self.runners = runners
        self.batchEvents = max(1, batchEvents)
        decoder = ProjectionDecoder(payloadTypes: runners.all.reduce(into: Set()) { $0.formUnion($1.payloadTypes) })
    }

    /// Reads and applies the next batch up to `head` (at most `maxEvents` events); returns how
    /// many events it applied (0: every projection is at `head`).
    func applyNext(head: UInt64, maxEvents: Int, storage: ProjectionStorage) throws -> Int {
        let next = (runners.all.map(\.checkpoint).min() ?? 0) + 1
        guard next <= head, maxEvents > 0 else { return 0 }
        let limit = min(batchEvents, maxEvents)
        var batch: [ProjectionEvent] = []
        batch.reserveCapacity(min(limit, Int(head - next + 1)))
        try store.scan(from: next, pageEvents: min(limit, 4_096)) { record in
            guard record.position <= head else { return false }
            batch.append(try decoder.decode(record))
            return batch.count < limit && record.position < head
        }
        guard !batch.isEmpty else { return 0 }
        try runners.write(batch, storage: storage)
        return batch.count
    }
}
