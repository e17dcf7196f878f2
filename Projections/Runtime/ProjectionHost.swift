public import EventStore
import Foundation
import LMDB
import Synchronization

/// Runs every projection over one event store: loads the read models from their own LMDB
/// environment, catches each up from its checkpoint in large batches, then follows the live
/// log. Each batch's rows and checkpoints are written in one transaction, so a model can never
/// skip or double-apply an event. Queries go through ``models`` (or the forwarding methods).
public actor ProjectionHost {
    /// How the host is set up.
    public struct Options: Sendable {
        /// Where the projections' environment lives; nil means `<store directory>/projections`.
        public var directory: String?
        /// Events applied per write transaction while catching up.
        public var batchEvents: Int
        /// Version of each projection by name; a changed version rebuilds it in a shadow.
        public var versions: [String: Int]
        /// Whether a model that is still empty (a first start, a rebuild, a shadow) is built in
        /// memory and written in one transaction, instead of batch by batch. Off only to compare
        /// the two paths.
        public var buildsEmptyModelsInMemory: Bool
        /// Least time between two commits while following the live log. A busy log commits
        /// hundreds of times a second (group commits of file views); a read-model commit costs
        /// about as much CPU for one event as for fifty, so the host lets them gather for this
        /// long. The first event after a quiet spell is applied at once; 0 commits after every
        /// log commit the host sees.
        public var followCommitIntervalMilliseconds: Int

        /// Options with the defaults: `<store>/projections`, 10,000-event batches, current
        /// versions, empty models built in memory, at most one commit per 5 ms while following.
        public init(
            directory: String? = nil, batchEvents: Int = 10_000, versions: [String: Int] = [:], buildsEmptyModelsInMemory: Bool = true,
            followCommitIntervalMilliseconds: Int = 5
        ) {
            self.directory = directory
            self.batchEvents = batchEvents
            self.versions = versions
            self.buildsEmptyModelsInMemory = buildsEmptyModelsInMemory
            self.followCommitIntervalMilliseconds = followCommitIntervalMilliseconds
        }
    }

    /// The host's own thread: every projection commit (and its fsyncs) runs on it, so following
    /// a busy log never holds one of the two threads of Swift's cooperative pool that serve
    /// requests. (On the pool, each commit after a group commit of file views blocked a
    /// request thread for its syncs.)
    private nonisolated let executor = DedicatedThreadExecutor(name: "projections")
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The log the models derive from.
    public let store: EventStore
    let storage: ProjectionStorage
    let runners: ProjectionRunners
    private let batches: BatchReader
    private var followTask: Task<Void, Never>?
    private var followError: (any Error)?
    /// ``models`` as of the last commit or swap, for readers that must not queue behind the
    /// host (every web request asks for the models' position; a hop onto this actor costs more
    /// than the cached answer it guards).
    private nonisolated let published: Mutex<ReadModels>
    private let buildsEmptyModelsInMemory: Bool
    private let followCommitInterval: Duration
    /// Commits made while following the live log (see ``followCommits``).
    private nonisolated let followCommitCount = Atomic<Int>(0)

    private init(store: EventStore, storage: ProjectionStorage, runners: ProjectionRunners, options: Options) {
        self.store = store
        self.storage = storage
        self.runners = runners
        buildsEmptyModelsInMemory = options.buildsEmptyModelsInMemory
        followCommitInterval = .milliseconds(max(0, options.followCommitIntervalMilliseconds))
        batches = BatchReader(store: store, runners: runners, batchEvents: options.batchEvents)
        published = Mutex(ReadModels(store: store, source: runners.source, checkpoints: runners.servingCheckpoints))
    }

    /// Opens (creating if needed) the read models of `store`. Call ``catchUp(maxEvents:)`` or
    /// ``start()`` to bring them up to the log.
    public static func open(store: EventStore, options: Options = .init()) throws -> ProjectionHost {
        let directory = options.directory ?? (store.directory as NSString).appendingPathComponent("projections")
        let storage = try ProjectionStorage(directory: directory)
        do {
            let runners = try ProjectionRunners(storage: storage, versions: options.versions)
            return ProjectionHost(store: store, storage: storage, runners: runners, options: options)
        } catch {
            storage.close()
            throw error
        }
    }

    /// The read models as of the last applied batch (queries read the stored models).
    public var models: ReadModels { ReadModels(store: store, source: runners.source, checkpoints: runners.servingCheckpoints) }

    /// The read models as of the last batch applied, read without waiting for the host: the
    /// same value as ``models`` once the host's current step is done (it is published after
    /// every commit, swap and reset).
    public nonisolated var latestModels: ReadModels { published.withLock { $0 } }

    /// Makes the models as they stand now visible to ``latestModels``.
    private func publish() {
        let current = models
        published.withLock { $0 = current }
    }

    /// Applies the log from the lowest checkpoint up to the head seen at the call (or at most
    /// `maxEvents` events), then swaps in shadows that caught up. Models that are still empty
    /// are built in memory and written in one transaction each; the others a batch per
    /// transaction. Returns the number of events read.
    @discardableResult
    public func catchUp(maxEvents: Int = .max) async throws -> Int {
        let head = store.headPosition
        var read = 0
        if buildsEmptyModelsInMemory {
            read = try batches.buildEmptyModels(head: head, maxEvents: maxEvents, storage: storage)
            if read > 0 { publish() }
        }
        // The next batch is read and decoded on another thread while this one is written.
        while read < maxEvents, let pipeline = batches.pipeline(head: head, maxEvents: maxEvents - read) {
            defer { pipeline.stop() }
            var restart = false
            while let batch = try pipeline.next() {
                // A rebuild run while this loop yielded resets checkpoints: decode again from them.
                guard batches.continues(batch) else {
                    restart = true
                    break
                }
                try batches.apply(batch, storage: storage)
                read += batch.events.count
                publish()
                await Task.yield()  // let queries in between batches
            }
            if !restart { break }
        }
        try runners.swapCaughtUpShadows(head: head, storage: storage)
        publish()
        return read
    }

    /// Starts following the log: catch up, then apply live events as they are appended.
    public func start() {
        guard followTask == nil else { return }
        followTask = Task { await self.follow() }
    }

    /// Write transactions committed while following the live log since the host opened (the
    /// catch-up before it and rebuilds not counted).
    public nonisolated var followCommits: Int { followCommitCount.load(ordering: .relaxed) }

    private func follow() async {
        do {
            try await catchUp()
            var pending: [ProjectionEvent] = []
            var nextCommitAt = ContinuousClock.now
            let from = (runners.all.map(\.checkpoint).min() ?? 0) + 1
            for try await record in store.subscribe(from: from) {
                pending.append(try batches.decoder.decode(record))
                guard pending.count >= batches.batchEvents || record.position >= store.headPosition else { continue }
                if pending.count < batches.batchEvents, ContinuousClock.now < nextCommitAt {
                    // Too soon after the last commit: let more of the log gather, then read what came.
                    try? await Task.sleep(until: nextCommitAt)
                    if Task.isCancelled { return }
                    if store.headPosition > record.position { continue }
                }
                try runners.write(pending, storage: storage)
                try runners.swapCaughtUpShadows(head: record.position, storage: storage)
                publish()
                pending.removeAll(keepingCapacity: true)
                followCommitCount.add(1, ordering: .relaxed)
                nextCommitAt = ContinuousClock.now + followCommitInterval
            }
        } catch {
            followError = error
        }
    }

    /// Waits until every model has applied `position` (or following failed).
    public func waitUntilApplied(_ position: UInt64, timeoutMilliseconds: Int = 10_000) async throws {
        let deadline = ContinuousClock.now + .milliseconds(timeoutMilliseconds)
        while runners.all.contains(where: { $0.checkpoint < position || $0.isBuildingShadow }) {
            if let followError { throw followError }
            guard ContinuousClock.now < deadline else {
                throw ProjectionError.invalidArgument(field: "position", problem: "not applied within \(timeoutMilliseconds) ms")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Each projection's name, versions, checkpoint and lag behind the log head.
    public func status() -> [ProjectionStatus] {
        let head = store.headPosition
        return runners.all.map { runner in
            ProjectionStatus(
                name: runner.name, version: runner.version, servingVersion: runner.servingVersion,
                rebuildingInShadow: runner.isBuildingShadow, checkpoint: runner.checkpoint,
                lag: head > runner.checkpoint ? head - runner.checkpoint : 0)
        }
    }

    /// Throws away the named projections' models (all when `names` is empty) and rebuilds them
    /// from the start of the log.
    public func rebuild(names: [String] = []) async throws {
        let known = Set(runners.all.map(\.name))
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw ProjectionError.notFound(field: "names", problem: "no projection is called \(unknown); known: \(known.sorted().joined(separator: ", "))")
        }
        let chosen = runners.all.filter { names.isEmpty || names.contains($0.name) }
        try storage.environment.write { txn in
            for runner in chosen { try runner.writeReset(in: txn, storage: storage) }
        }
        for runner in chosen { runner.completeReset() }
        publish()
        try await catchUp()
    }

    /// Stops following and closes the projections' environment (the store stays open).
    public func close() async {
        followTask?.cancel()
        await followTask?.value
        followTask = nil
        storage.close()
    }
}

/// One projection's progress.
public struct ProjectionStatus: Sendable, Equatable, Codable {
    /// The projection's name.
    public let name: String
    /// The version this code builds.
    public let version: Int
    /// The version answering queries (the old one while a shadow builds).
    public let servingVersion: Int?
    /// True while a new version is rebuilt beside the one serving.
    public let rebuildingInShadow: Bool
    /// The last position applied.
    public let checkpoint: UInt64
    /// Log head minus checkpoint.
    public let lag: UInt64
}
