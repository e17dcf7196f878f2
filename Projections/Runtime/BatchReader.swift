import EventStore

/// Reads the log in batches from the lowest checkpoint and applies each batch to every
/// projection in one write transaction. Synchronous: the host applies the batches of a
/// ``DecodePipeline`` between yields, and as-of folds call ``applyAll(head:storage:)``.
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
        guard let (next, through) = stretch(head: head, maxEvents: min(batchEvents, maxEvents)) else { return 0 }
        var batch: [ProjectionEvent] = []
        batch.reserveCapacity(Int(through - next + 1))
        try store.scan(from: next, pageEvents: min(batchEvents, 4_096)) { record in
            guard record.position <= through else { return false }
            batch.append(try decoder.decode(record))
            return record.position < through
        }
        guard !batch.isEmpty else { return 0 }
        try runners.write(batch, storage: storage)
        return batch.count
    }

    /// Starts decoding the log from the lowest checkpoint up to `head` (at most `maxEvents`
    /// events) on a thread of its own, for the caller to apply with ``apply(_:storage:)``;
    /// nil when every projection is at `head`. The caller must ``DecodePipeline/stop()`` it.
    func pipeline(head: UInt64, maxEvents: Int) -> DecodePipeline? {
        guard let (next, through) = stretch(head: head, maxEvents: maxEvents) else { return nil }
        return DecodePipeline(store: store, decoder: decoder, preparer: runners.preparer, from: next, through: through, batchEvents: batchEvents)
    }

    /// Applies one prepared batch to every projection in one write transaction.
    func apply(_ batch: PreparedBatch, storage: ProjectionStorage) throws {
        try runners.write(batch, storage: storage)
    }

    /// False when `batch` starts past the lowest checkpoint's next position (the models were
    /// reset since its pipeline started), so applying it would leave a gap.
    func continues(_ batch: PreparedBatch) -> Bool {
        guard let first = batch.events.first else { return true }
        return first.position <= (runners.all.map(\.checkpoint).min() ?? 0) + 1
    }

    /// Applies the log up to `head`: empty models built in memory, the rest in batches,
    /// decoding the next batch while the last one is written; returns how many events it read.
    func applyAll(head: UInt64, storage: ProjectionStorage) throws -> Int {
        var applied = try buildEmptyModels(head: head, maxEvents: .max, storage: storage)
        guard let pipeline = pipeline(head: head, maxEvents: .max) else { return applied }
        defer { pipeline.stop() }
        while let batch = try pipeline.next() {
            try apply(batch, storage: storage)
            applied += batch.events.count
        }
        return applied
    }

    /// The positions the next events to apply span: from just after the lowest checkpoint to
    /// `head`, at most `maxEvents` of them.
    private func stretch(head: UInt64, maxEvents: Int) -> (next: UInt64, through: UInt64)? {
        let next = (runners.all.map(\.checkpoint).min() ?? 0) + 1
        guard next <= head, maxEvents > 0 else { return nil }
        let through = UInt64(maxEvents) > head - next ? head : next + UInt64(maxEvents) - 1
        return (next, through)
    }
}
