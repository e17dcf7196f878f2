public import EventStore
public import Events

/// A deterministic, realistic history of a settlement agency: the same seed and count always
/// give the same events, byte for byte (ids, times and choices all come from the seed).
///
/// ```swift
/// for event in AgencyHistory(seed: 42, count: 10_000) { … }
/// for batch in AgencyHistory(seed: 42, count: 1_000_000).batches() { _ = try await store.append(batch) }
/// ```
public struct AgencyHistory: Sequence, Sendable {
    /// Decides every id, time and choice.
    public let seed: UInt64
    /// Exactly how many events the history holds.
    public let count: Int
    /// Seals personal fields as the casework service does; nil writes them in clear. Sealed
    /// histories differ run to run in their ciphertexts only (AES-GCM nonces are random).
    public let sealer: (any PersonalDataSealer)?

    /// A history of `count` events drawn from `seed`, sealed with `sealer` when given.
    public init(seed: UInt64, count: Int, sealer: (any PersonalDataSealer)? = nil) {
        precondition(count >= 0, "count must not be negative")
        self.seed = seed
        self.count = count
        self.sealer = sealer
    }

    /// The history of `count` events drawn from `seed`.
    public static func events(seed: UInt64, count: Int) -> AgencyHistory { AgencyHistory(seed: seed, count: count) }

    public func makeIterator() -> Iterator { Iterator(seed: seed, count: count, sealer: sealer) }

    /// Yields the events one by one, simulating a day at a time.
    public struct Iterator: IteratorProtocol {
        private var simulation: AgencySimulation
        private var remaining: Int
        private var buffer: [GeneratedEvent] = []
        private var index = 0

        init(seed: UInt64, count: Int, sealer: (any PersonalDataSealer)?) {
            simulation = AgencySimulation(seed: seed, targetEvents: count)
            simulation.recorder.sealer = sealer
            remaining = count
        }

        public mutating func next() -> GeneratedEvent? {
            guard remaining > 0 else { return nil }
            while index == buffer.count {
                simulation.recorder.output.removeAll(keepingCapacity: true)
                simulation.simulateNextDay()
                buffer = simulation.recorder.output
                index = 0
            }
            defer { index += 1 }
            remaining -= 1
            return buffer[index]
        }
    }

    /// The history as multi-stream appends of at most `eventsPerBatch` events each (one
    /// `StreamAppend` per run of consecutive events in one stream, expecting the stream's
    /// version), ready for `EventStore.append(_:)` on an empty store. With a sealer, the keys
    /// a batch is sealed with are durable before the batch is handed out.
    public func batches(eventsPerBatch: Int = 5_000) -> some Sequence<[StreamAppend]> {
        precondition(eventsPerBatch > 0, "eventsPerBatch must be positive")
        var iterator = makeIterator()
        var pending = iterator.next()
        let sealer = self.sealer
        return AnySequence {
            AnyIterator { () -> [StreamAppend]? in
                var batch: [StreamAppend] = []
                var events = 0
                while let event = pending, events < eventsPerBatch {
                    if let last = batch.last, last.stream == event.stream {
                        batch[batch.count - 1].events.append(event.event)
                    } else {
                        let expected: ExpectedVersion = event.streamVersion == 0 ? .noStream : .exactly(event.streamVersion - 1)
                        batch.append(StreamAppend(stream: event.stream, events: [event.event], expected: expected))
                    }
                    events += 1
                    pending = iterator.next()
                }
                guard !batch.isEmpty else { return nil }
                do {
                    try sealer?.makeKeysDurable()
                } catch {
                    preconditionFailure("the data keys of a generated batch could not be stored: \(error)")
                }
                return batch
            }
        }
    }
}
