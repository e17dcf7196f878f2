import Logging
import LMDB

/// One append request as the writer receives it, already checked against the limits and
/// encoded by the appending task.
struct AppendRequest: Sendable {
    let stream: String
    let events: [ProposedEvent]
    let expected: ExpectedVersion
    let payloadBytes: Int
    let encoded: EncodedBatch
    let streamKey: [UInt8]
    let categoryKey: [UInt8]
    /// The events' ids, in order.
    let eventIds: [UUIDOrder]
    /// True when some event carries an imported recorded-at time.
    let importsRecordedAt: Bool

    init(stream: String, events: [ProposedEvent], eventIds: [UUIDOrder], expected: ExpectedVersion, payloadBytes: Int) {
        self.stream = stream
        self.eventIds = eventIds
        self.events = events
        self.expected = expected
        self.payloadBytes = payloadBytes
        encoded = EncodedBatch(events, streamId: stream)
        let streamKey = Array(stream.utf8)
        self.streamKey = streamKey
        categoryKey = Array(streamKey.prefix(StreamName.categoryByteCount(ofKey: streamKey)))
        importsRecordedAt = events.indices.contains { events[$0].recordedAt != nil }
    }
}

/// The single writer: drains concurrent append requests into one durable LMDB transaction
/// (group commit). Each request succeeds or fails on its own; nobody hears "committed"
/// before `mdb_txn_commit` (and its fsyncs) has returned.
actor AppendWriter {
    /// Requests that arrived together and must share one transaction, and who waits for them.
    private struct Waiting {
        let requests: [AppendRequest]
        let continuation: CheckedContinuation<[Result<AppendResult, any Error>], Never>
        var events: Int { requests.reduce(0) { $0 + $1.events.count } }
        var payloadBytes: Int { requests.reduce(0) { $0 + $1.payloadBytes } }
    }

    nonisolated let executor = DedicatedThreadExecutor(name: "log-writer")
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private let environment: Environment
    private let layout: StoreLayout
    private let limits: StoreLimits
    private let headSignal: HeadSignal
    private let tailIndex: TailIndex
    private let logger: Logger
    private var tail: LogTail
    private var streamHeads = StreamHeads()
    private var isCatchUpScheduled = false
    private var waiting: [Waiting] = []
    private var isFlushScheduled = false
    /// Requests in the last commit: more than one means appenders are running concurrently.
    private var lastCommitRequests = 0
    private var waitingRequests = 0
    private var lastCommitEnded = ContinuousClock.now
    /// Counts flushes, so a delayed flush that was overtaken does nothing.
    private var flushGeneration = 0
    /// The generation a ``flushAfterQueuedJobs()`` job is already queued for.
    private var queuedFlushGeneration = -1
    private var isShutDown = false
    /// Counters for ``EventStore/writerStatistics()``.
    private(set) var statistics = WriterStatistics()

    init(
        environment: Environment, layout: StoreLayout, limits: StoreLimits, tail: LogTail, tailIndex: TailIndex,
        headSignal: HeadSignal, logger: Logger
    ) {
        self.environment = environment
        self.layout = layout
        self.limits = limits
        self.tail = tail
        self.tailIndex = tailIndex
        self.headSignal = headSignal
        self.logger = logger
    }

    /// Commits `requests` in one transaction (possibly with others'); each has its own outcome.
    ///
    /// The caller's task does not hop onto the writer's thread: the requests go there as a
    /// plain job, and the task waits where it was. Were it isolated to the writer, each
    /// resumed caller would come back through the writer's thread first, and the next
    /// commit's first request would queue behind every resumption of the last one (with 256
    /// appenders that was about 0.3 ms a commit with the disk idle).
    nonisolated func append(_ requests: [AppendRequest]) async -> [Result<AppendResult, any Error>] {
        await withCheckedContinuation { continuation in
            executor.run { self.assumeIsolated { $0.receive(requests, continuation) } }
        }
    }

    private func receive(_ requests: [AppendRequest], _ continuation: CheckedContinuation<[Result<AppendResult, any Error>], Never>) {
        guard !isShutDown else { return continuation.resume(returning: requests.map { _ in .failure(EventStoreError.closed) }) }
        waiting.append(Waiting(requests: requests, continuation: continuation))
        waitingRequests += requests.count
        if isFlushScheduled && lastCommitRequests > 1 && (waitingRequests >= lastCommitRequests || hasWaitedLongEnough) {
            flushAfterQueuedJobs()  // everyone from the last commit is back, or the disk has idled long enough
        } else {
            scheduleFlush(mayFlushNow: true)
        }
    }

    /// Commits whatever is queued and indexes it, then refuses new appends.
    func shutDown() {
        isShutDown = true
        while !waiting.isEmpty { flush() }
        catchUpIndexes()
        do {
            try environment.sync()  // the last catch-up left its meta page for a durable commit that will not come
        } catch {
            logger.error("sync at close failed", metadata: ["error": "\(error)"])
        }
    }

    /// True once ``StoreLimits/groupCommitDelayMicroseconds`` have passed since the last
    /// commit ended.
    ///
    /// The wait is counted from there, not from the first request back: with many appenders
    /// the last ones take longer to come back than a commit takes, so waiting for all of them
    /// leaves the disk idle. Committing those back by then lets the others come back during
    /// that commit: with 256 appenders they settle into groups of about 150, and the disk
    /// idles about 0.24 ms between commits instead of 0.7-0.8 ms.
    private var hasWaitedLongEnough: Bool {
        ContinuousClock.now - lastCommitEnded >= .microseconds(limits.groupCommitDelayMicroseconds)
    }

    /// The flush runs as a later job on this actor, so requests that arrive while a commit
    /// is in progress queue up behind it and go into the next transaction together.
    ///
    /// When the last commit grouped several requests, appenders are concurrent and most of
    /// them are about to come back: waiting up to ``StoreLimits/groupCommitDelayMicroseconds``
    /// after the last commit lets them join this commit instead of paying for one of their
    /// own (see ``hasWaitedLongEnough``). A lone appender never waits.
    ///
    /// `mayFlushNow`: the caller is a new request's job, which may commit at once when nothing
    /// else is queued (never a flush, which would commit a later batch before its own).
    private func scheduleFlush(mayFlushNow: Bool = false) {
        guard !isFlushScheduled else { return }
        isFlushScheduled = true
        let delay = limits.groupCommitDelayMicroseconds
        if lastCommitRequests > 1 && delay > 0 && !hasWaitedLongEnough {
            let generation = flushGeneration
            let deadline = lastCommitEnded + .microseconds(delay)
            Task {
                try? await Task.sleep(until: deadline)
                if self.flushGeneration == generation { self.flush() }
            }
        } else if !mayFlushNow || executor.hasQueuedJobs {
            Task { self.flush() }  // behind the requests already queued, so they join this commit
        } else {
            flush()  // nothing else is coming: no job of its own, no second pass through the queue
        }
    }

    /// Flushes as a job queued behind the appends already waiting on this actor, never inside
    /// the current one: requests that arrived during the last commit are queued as jobs, and
    /// flushing synchronously here would leave them for a commit of their own. (It did: with
    /// 16 appenders, commits carried 2 requests instead of 16.)
    private func flushAfterQueuedJobs() {
        let generation = flushGeneration
        guard queuedFlushGeneration != generation else { return }  // one such job per cycle
        queuedFlushGeneration = generation
        Task { if self.flushGeneration == generation { self.flush() } }
    }

    private func flush() {
        isFlushScheduled = false
        flushGeneration += 1
        let batch = takeBatch()
        guard !batch.isEmpty else { return }
        if !waiting.isEmpty { scheduleFlush() }
        let requests = batch.flatMap(\.requests)
        lastCommitRequests = requests.count
        var outcomes = commit(requests)[...]
        lastCommitEnded = .now
        for entry in batch {
            entry.continuation.resume(returning: Array(outcomes.prefix(entry.requests.count)))
            outcomes = outcomes.dropFirst(entry.requests.count)
        }
        scheduleIndexCatchUp()
    }

    /// Takes queued requests up to the group-commit limits (at least one request).
    private func takeBatch() -> [Waiting] {
        var events = 0
        var bytes = 0
        var count = 0
        for entry in waiting {
            events += entry.events
            bytes += entry.payloadBytes
            if count > 0 && (events > limits.groupCommitEventsMax || bytes > limits.groupCommitPayloadBytesMax) { break }
            count += 1
        }
        let batch = Array(waiting.prefix(count))
        waiting.removeFirst(count)
        waitingRequests -= batch.reduce(0) { $0 + $1.requests.count }
        return batch
    }

    private func commit(_ requests: [AppendRequest]) -> [Result<AppendResult, any Error>] {
        let startTail = tail
        let pending = tailIndex.current
        let started = ContinuousClock.now
        var staged = started
        defer { count(requests, since: started, staged: staged) }
        let knownHeads = streamHeads
        do {
            let (outcomes, newTail, runs, heads, indexed, refreshed) = try environment.write { transaction in
                let refreshed = try LogTailRefresh.ifAppendedElsewhere(since: startTail, in: transaction, layout: layout)
                let pending = refreshed?.unindexed ?? pending
                var staging = try AppendStaging(
                    transaction: transaction, layout: layout, tail: refreshed?.tail ?? startTail, pending: pending,
                    knownHeads: refreshed == nil ? knownHeads : StreamHeads(),
                    expectedEvents: requests.reduce(0) { $0 + $1.events.count })
                let outcomes = try requests.map { try staging.stage($0) }
                staged = ContinuousClock.now
                let indexed = try catchUpIfFull(pending, adding: staging.runs, in: transaction)
                return (outcomes, staging.tail, staging.runs, staging.stagedHeads, indexed, refreshed)
            }
            tail = newTail
            if refreshed != nil { streamHeads = StreamHeads() }
            streamHeads.record(heads)
            if let refreshed {
                tailIndex.replace(with: refreshed.unindexed)
                statistics.appendsElsewhereFound += 1
                logger.notice("another process appended to the log; the writer read its tail again", metadata: [
                    "from": "\(startTail.position)", "to": "\(refreshed.tail.position)",
                ])
            }
            // Published before the head moves, so a subscriber woken by it finds the entries.
            if indexed {
                tailIndex.markIndexed(withCommitThrough: newTail.position)
                statistics.indexCatchUpsInAppends += 1
            } else {
                tailIndex.publish(runs)
            }
            headSignal.advance(to: newTail.position)
            return outcomes
        } catch {
            logger.error("append transaction failed", metadata: ["error": "\(error)", "requests": "\(requests.count)"])
            let failure = EventStoreError.from(error, mapSizeBytesMax: environment.configuration.mapSizeBytesMax)
            return requests.map { _ in .failure(failure) }
        }
    }

    /// Catches the indexes up at once when the tail has reached ``StoreLimits/indexTailEventsMax``,
    /// else after ``StoreLimits/indexDelayMilliseconds``: either way many commits' entries
    /// share one index write, and the tail (which readers in other processes scan) stays short.
    /// When this commit takes the tail to ``StoreLimits/indexTailEventsMax``, writes the tail
    /// and the commit's own entries into the indexes in the same transaction: a catch-up of its
    /// own would cost two more syncs (a bulk append of 10,000 events would pay them every time).
    private func catchUpIfFull(_ pending: UnindexedTail, adding runs: [TailRun], in transaction: WriteTransaction) throws -> Bool {
        guard pending.eventCount + runs.reduce(0, { $0 + $1.count }) >= limits.indexTailEventsMax else { return false }
        try IndexCatchUp.write(pending, adding: runs, in: transaction, layout: layout)
        return true
    }

    /// The indexes of a tail found at open (left by a crash) are caught up like any other.
    func catchUpIndexesLater() { scheduleIndexCatchUp() }

    private func scheduleIndexCatchUp() {
        guard !isShutDown else { return }
        let pending = tailIndex.eventCount
        if pending >= limits.indexTailEventsMax { return catchUpIndexes() }
        guard pending > 0, !isCatchUpScheduled else { return }
        isCatchUpScheduled = true
        let delay = limits.indexDelayMilliseconds
        Task {
            try? await Task.sleep(for: .milliseconds(delay))
            self.isCatchUpScheduled = false
            if !self.isShutDown { self.catchUpIndexes() }
        }
    }

    /// Writes the unindexed tail into the indexes in one transaction. A failure is logged and
    /// leaves the tail as it was, still serving reads: the next catch-up writes it.
    func catchUpIndexes() {
        let pending = tailIndex.current
        guard pending.eventCount > 0 else { return }
        let started = ContinuousClock.now
        do {
            // One sync, not two: the next append's durable commit syncs this meta page too, and
            // a system crash before it only leaves these entries to be indexed again at open.
            try environment.write(metaSync: .deferred) { try IndexCatchUp.write(pending, adding: [], in: $0, layout: layout) }
            tailIndex.markIndexed(through: pending.head)
            statistics.indexCatchUps += 1
            statistics.indexCatchUpMicroseconds += Self.microseconds(ContinuousClock.now - started)
        } catch {
            logger.error("index catch-up failed", metadata: ["error": "\(error)", "events": "\(pending.eventCount)"])
        }
    }

    private func count(_ requests: [AppendRequest], since started: ContinuousClock.Instant, staged: ContinuousClock.Instant) {
        statistics.commits += 1
        statistics.requests += requests.count
        statistics.events += requests.reduce(0) { $0 + $1.events.count }
        statistics.commitMicroseconds += Self.microseconds(ContinuousClock.now - started)
        statistics.stagingMicroseconds += Self.microseconds(staged - started)
    }

    private static func microseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1_000_000 + parts.attoseconds / 1_000_000_000_000
    }
}
