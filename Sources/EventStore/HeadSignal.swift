import Synchronization

/// The log's committed head position, and the subscribers waiting for it to move.
///
/// The writer publishes from its own thread right after a commit returns, synchronously and
/// without awaiting, so a `Mutex` (not an actor) guards the state; continuations are resumed
/// outside the lock.
final class HeadSignal: Sendable {
    private struct State {
        var head: UInt64
        var isClosed = false
        var nextWaiterId = 0
        var waiters: [Int: (position: UInt64, continuation: CheckedContinuation<Void, any Error>)] = [:]
    }

    private let state: Mutex<State>

    init(head: UInt64) { state = Mutex(State(head: head)) }

    var head: UInt64 { state.withLock { $0.head } }

    /// Called after a commit: wakes every waiter whose position is now covered.
    func advance(to position: UInt64) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard position > state.head else { return [] }
            state.head = position
            let due = state.waiters.filter { $0.value.position < position }
            for key in due.keys { state.waiters[key] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns once the head is above `position`; throws on cancellation or when the store closes.
    func wait(untilAbove position: UInt64) async throws {
        let waiterId = state.withLock { state -> Int in
            state.nextWaiterId += 1
            return state.nextWaiterId
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediate: (any Error)?? = state.withLock { state in
                    if state.isClosed { return .some(EventStoreError.closed) }
                    if Task.isCancelled { return .some(CancellationError()) }
                    if state.head > position { return .some(nil) }
                    state.waiters[waiterId] = (position, continuation)
                    return .none
                }
                switch immediate {
                case .none: break
                case .some(.none): continuation.resume()
                case .some(.some(let error)): continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: waiterId) }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Fails every waiter with ``EventStoreError/closed``.
    func close() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.isClosed = true
            defer { state.waiters = [:] }
            return state.waiters.values.map(\.continuation)
        }
        for continuation in waiting { continuation.resume(throwing: EventStoreError.closed) }
    }
}
