import Foundation

/// A bounded hand-off between two threads: the producer waits while `depth` items are queued,
/// the consumer waits while none is. Used between the stages of a ``DecodePipeline``, which run
/// on real threads (long synchronous loops would starve the cooperative pool), so the waiting
/// is a condition variable; every field is read and written only while holding it.
final class Handoff<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queued: [Item] = []
    private var finished = false
    private var stopped = false
    private var failure: (any Error)?
    private let depth: Int

    init(depth: Int) { self.depth = max(1, depth) }

    /// Queues `item`, waiting for room; false (dropping it) once the consumer stopped.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queued.count >= depth && !stopped { condition.wait() }
        guard !stopped else { return false }
        queued.append(item)
        condition.broadcast()
        return true
    }

    /// The producer is done (with `failure` when it could not go on).
    func finish(failure: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        self.failure = failure
        finished = true
        condition.broadcast()
    }

    /// The next item in order; nil once the producer finished and everything was taken, or
    /// once stopped. Rethrows the producer's failure after the items queued before it.
    func take() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while queued.isEmpty && !finished && !stopped { condition.wait() }
        guard !stopped else { return nil }
        if !queued.isEmpty {
            let item = queued.removeFirst()
            condition.broadcast()
            return item
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer wants nothing more: a waiting or later ``put(_:)`` returns false.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        queued.removeAll()
        condition.broadcast()
    }

    /// Waits until the producer called ``finish(failure:)``.
    func waitUntilFinished() {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
    }
}
