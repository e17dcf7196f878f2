/// Every event from a position on, in log order: first the backlog, then each new event as
/// it commits. It never skips or reorders, because it reads the log by position and only
/// waits (without polling) when it has read everything committed so far.
///
/// The sequence ends (returns nil) when its task is cancelled, and throws
/// ``EventStoreError/closed`` when the store closes.
public struct EventSubscription: AsyncSequence, Sendable {
    public typealias Element = RecordedEvent

    let store: EventStore
    let startPosition: UInt64
    let category: String?
    let pageEvents: Int

    public func makeAsyncIterator() -> Iterator {
        Iterator(store: store, nextPosition: Swift.max(startPosition, 1), category: category, pageEvents: pageEvents)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let store: EventStore
        var nextPosition: UInt64
        let category: String?
        let pageEvents: Int
        var buffer: [RecordedEvent] = []
        var bufferIndex = 0

        public mutating func next() async throws -> RecordedEvent? {
            try await next(isolation: nil)
        }

        /// The next event, read on the caller's actor: an event already buffered is returned
        /// without leaving it (a `for try await` in an actor otherwise hops to the global pool and
        /// back for every event; for the projection host, which runs on a thread of its own, that
        /// was two thread switches per event of a busy log).
        public mutating func next(isolation actor: isolated (any Actor)?) async throws -> RecordedEvent? {
            while true {
                if bufferIndex < buffer.count {
                    defer { bufferIndex += 1 }
                    return buffer[bufferIndex]
                }
                if Task.isCancelled { return nil }
                let head = store.headPosition
                if head >= nextPosition {
                    try refill(upTo: head)
                    continue
                }
                do {
                    try await store.headSignal.wait(untilAbove: nextPosition - 1)
                } catch is CancellationError {
                    return nil
                }
            }
        }

        private mutating func refill(upTo head: UInt64) throws {
            if let category {
                buffer = try store.readCategory(category, from: nextPosition, limit: pageEvents)
                // Nothing of this category up to the head: skip past it rather than re-read.
                nextPosition = buffer.last.map { $0.position + 1 } ?? head + 1
            } else {
                buffer = try store.readAll(from: nextPosition, limit: pageEvents)
                nextPosition = buffer.last.map { $0.position + 1 } ?? nextPosition
            }
            bufferIndex = 0
        }
    }
}

extension EventStore {
    /// A live subscription to the whole log from `position` (inclusive).
    public func subscribe(from position: UInt64 = 1, pageEvents: Int = 1_024) -> EventSubscription {
        EventSubscription(store: self, startPosition: position, category: nil, pageEvents: pageEvents)
    }

    /// A live subscription to the streams of one category, from `position` (inclusive).
    public func subscribe(category: String, from position: UInt64 = 1, pageEvents: Int = 1_024) -> EventSubscription {
        EventSubscription(store: self, startPosition: position, category: category, pageEvents: pageEvents)
    }
}
