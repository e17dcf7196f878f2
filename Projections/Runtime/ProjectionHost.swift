public import EventStore
import Foundation
import LMDB

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

        /// Options with the defaults: `<store>/projections`, 10,000-event batches, current versions.
        public init(directory: String? = nil, batchEvents: Int = 10_000, versions: [String: Int] = [:]) {
            self.directory = directory
            self.batchEvents = batchEvents
            self.versions = versions
        }
    }

    /// The log the models derive from.
    public let store: EventStore
    let storage: ProjectionStorage
    let runners: ProjectionRunners
    private let decoder: ProjectionDecoder
    private let batchEvents: Int
    private var followTask: Task<Void, Never>?
    private var followError: (any Error)?

    private init(store: EventStore, storage: ProjectionStorage, runners: ProjectionRunners, batchEvents: Int) {
        self.store = store
        self.storage = storage
        self.runners = runners
        self.batchEvents = max(1, batchEvents)
        decoder = ProjectionDecoder(payloadTypes: runners.all.reduce(into: Set()) { $0.formUnion($1.payloadTypes) })
    }

    /// Opens (creating if needed) the read models of `store`. Call ``catchUp(maxEvents:)`` or
    /// ``start()`` to bring them up to the log.
    public static func open(store: EventStore, options: Options = .init()) throws -> ProjectionHost {
        let directory = options.directory ?? (store.directory as NSString).appendingPathComponent("projections")
        let storage = try ProjectionStorage(directory: directory)
        do {
            let runners = try ProjectionRunners(storage: storage, versions: options.versions)
            return ProjectionHost(store: store, storage: storage, runners: runners, batchEvents: options.batchEvents)
        } catch {
            storage.close()
            throw error
        }
    }

    /// A consistent view of every read model as of the last applied batch.
    public var models: ReadModels { runners.models(store: store) }

    /// Applies the log from the lowest checkpoint up to the head seen at the call (or at most
    /// `maxEvents` events), a batch per transaction, then swaps in shadows that caught up.
    /// Returns the number of events read.
    @discardableResult
    public func catchUp(maxEvents: Int = .max) async throws -> Int {
        let head = store.headPosition
        var next = (runners.all.map(\.checkpoint).min() ?? 0) + 1
        var read = 0
        while next <= head, read < maxEvents {
            var batch: [ProjectionEvent] = []
            let limit = min(batchEvents, maxEvents - read)
            batch.reserveCapacity(min(limit, Int(head - next + 1)))
            try store.scan(from: next, pageEvents: min(limit, 4_096)) { record in
                guard record.position <= head else { return false }
                batch.append(try decoder.decode(record))
                return batch.count < limit && record.position < head
            }
            guard let last = batch.last else { break }
            try applyAndWrite(batch)
            read += batch.count
            next = last.position + 1
            await Task.yield()  // let queries in between batches
        }
        try swapCaughtUpShadows(head: head)
        return read
    }

    private func applyAndWrite(_ batch: [ProjectionEvent]) throws {
        for runner in runners.all {
            for event in batch { runner.apply(event) }
        }
        let encoder = JSONEncoder()
        let writes = try runners.all.map { try $0.pendingWrite(encoder: encoder) }
        try storage.environment.write { txn in
            for write in writes {
                try write.write(in: txn, checkpoints: storage.checkpoints)
                try write.recordActive(in: txn, active: storage.active)
            }
        }
    }

    private func swapCaughtUpShadows(head: UInt64) throws {
        let ready = runners.all.filter { $0.isBuildingShadow && $0.checkpoint >= head }
        guard !ready.isEmpty else { return }
        try storage.environment.write { txn in
            for runner in ready { try runner.writeSwap(in: txn, storage: storage) }
        }
        for runner in ready { runner.completeSwap() }
    }

    /// Starts following the log: catch up, then apply live events as they are appended.
    public func start() {
        guard followTask == nil else { return }
        followTask = Task { await self.follow() }
    }

    private func follow() async {
        do {
            try await catchUp()
            var pending: [ProjectionEvent] = []
            let from = (runners.all.map(\.checkpoint).min() ?? 0) + 1
            for try await record in store.subscribe(from: from) {
                pending.append(try decoder.decode(record))
                if pending.count >= batchEvents || record.position >= store.headPosition {
                    try applyAndWrite(pending)
                    try swapCaughtUpShadows(head: record.position)
                    pending.removeAll(keepingCapacity: true)
                }
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
    /// The version answering queries (nil while a shadow builds with no readable old model).
    public let servingVersion: Int?
    /// True while a new version is rebuilt beside the one serving.
    public let rebuildingInShadow: Bool
    /// The last position applied.
    public let checkpoint: UInt64
    /// Log head minus checkpoint.
    public let lag: UInt64
}
