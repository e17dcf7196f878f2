import Logging
import LMDB

/// One append request as the writer receives it, already checked against the limits.
struct AppendRequest: Sendable {
    let stream: String
    let events: [ProposedEvent]
    let expected: ExpectedVersion
    let payloadBytes: Int
}

/// The single writer: drains concurrent append requests into one durable LMDB transaction
/// (group commit). Each request succeeds or fails on its own; nobody hears "committed"
/// before `mdb_txn_commit` (and its fsyncs) has returned.
actor AppendWriter {
    private struct Waiting {
        let request: AppendRequest
        let continuation: CheckedContinuation<AppendResult, any Error>
    }

    nonisolated let executor = DedicatedThreadExecutor(name: "harbour-append-writer")
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private let environment: Environment
    private let layout: StoreLayout
    private let limits: StoreLimits
    private let headSignal: HeadSignal
    private let logger: Logger
    private var tail: LogTail
    private var waiting: [Waiting] = []
    private var isFlushScheduled = false
    private var isShutDown = false

    init(environment: Environment, layout: StoreLayout, limits: StoreLimits, tail: LogTail, headSignal: HeadSignal, logger: Logger) {
        self.environment = environment
        self.layout = layout
        self.limits = limits
        self.tail = tail
        self.headSignal = headSignal
        self.logger = logger
    }

    func append(_ request: AppendRequest) async throws -> AppendResult {
        guard !isShutDown else { throw EventStoreError.closed }
        return try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(request: request, continuation: continuation))
            scheduleFlush()
        }
    }

    /// Commits whatever is queued, then refuses new appends.
    func shutDown() {
        isShutDown = true
        while !waiting.isEmpty { flush() }
    }

    /// The flush runs as a later job on this actor, so requests that arrive while a commit
    /// is in progress queue up behind it and go into the next transaction together.
    private func scheduleFlush() {
        guard !isFlushScheduled else { return }
        isFlushScheduled = true
        Task { self.flush() }
    }

    private func flush() {
        isFlushScheduled = false
        let batch = takeBatch()
        guard !batch.isEmpty else { return }
        if !waiting.isEmpty { scheduleFlush() }
        let outcomes = commit(batch.map(\.request))
        for (entry, outcome) in zip(batch, outcomes) { entry.continuation.resume(with: outcome) }
    }

    /// Takes queued requests up to the group-commit limits (at least one request).
    private func takeBatch() -> [Waiting] {
        var events = 0
        var bytes = 0
        var count = 0
        for entry in waiting {
            events += entry.request.events.count
            bytes += entry.request.payloadBytes
            if count > 0 && (events > limits.groupCommitEventsMax || bytes > limits.groupCommitPayloadBytesMax) { break }
            count += 1
        }
        let batch = Array(waiting.prefix(count))
        waiting.removeFirst(count)
        return batch
    }

    private func commit(_ requests: [AppendRequest]) -> [Result<AppendResult, any Error>] {
        let startTail = tail
        do {
            let (outcomes, newTail) = try environment.write { transaction in
                var staging = AppendStaging(transaction: transaction, layout: layout, tail: startTail)
                let outcomes = try requests.map { try staging.stage($0) }
                return (outcomes, staging.tail)
            }
            tail = newTail
            headSignal.advance(to: newTail.position)
            return outcomes
        } catch {
            logger.error("append transaction failed", metadata: ["error": "\(error)", "requests": "\(requests.count)"])
            let failure = EventStoreError.from(error, mapSizeBytesMax: environment.configuration.mapSizeBytesMax)
            return requests.map { _ in .failure(failure) }
        }
    }
}
