import LMDB

/// The projections of one environment, listed for the runtime's loops.
final class ProjectionRunners {
    let all: [any ProjectionRunning]
    /// Works out a batch's placements for every projection (on any thread).
    let preparer: BatchPreparer
    /// The databases of every version a query may find active, by projection name.
    let source: ModelSource

    /// The version each projection's code builds; bump one when its facts or rows change shape.
    /// Version 2 throughout: facts stored one per entry in binary (version 1 kept JSON rows).
    /// Funder 4: each client's services in their row, and the per-day and per-client-month
    /// aggregates the report reads. Records 3: views of a client file no longer in the
    /// client's row (the audit trail reads them from the log's access stream).
    static let currentVersions: [String: Int] = [
        CaseloadProjection.name: 2, RecordsProjection.name: 3, FunderProjection.name: 4,
        MembershipProjection.name: 2, ElectionsProjection.name: 2, PartnershipProjection.name: 2,
    ]

    /// Opens every projection's databases and records the version of each projection seen for
    /// the first time as active, so queries always know which databases answer.
    init(storage: ProjectionStorage, versions: [String: Int], ownsStorage: Bool = false) throws {
        func version(_ name: String) -> Int { versions[name] ?? Self.currentVersions[name] ?? 1 }
        let names = [
            CaseloadProjection.name, RecordsProjection.name, FunderProjection.name, MembershipProjection.name,
            ElectionsProjection.name, PartnershipProjection.name,
        ]
        var active: [String: Int] = [:]
        for name in names { active[name] = try storage.activeVersion(of: name) }
        let fresh = names.filter { active[$0] == nil }
        if !fresh.isEmpty {
            try storage.environment.write { txn in
                for name in fresh { try txn.put(storage.active, key: Array(name.utf8), value: BigEndian.bytes(UInt64(version(name)))) }
            }
        }
        let typeNumbers = EventTypeNumbers([
            CaseloadProjection.payloadTypes, RecordsProjection.payloadTypes, FunderProjection.payloadTypes,
            MembershipProjection.payloadTypes, ElectionsProjection.payloadTypes, PartnershipProjection.payloadTypes,
        ])
        func runner<P: BatchApplying>(_ projection: P.Type) throws -> any ProjectionRunning {
            try ProjectionRunner<P>(version: version(P.name), storage: storage, active: active[P.name], typeNumbers: typeNumbers)
        }
        all = [
            try runner(CaseloadProjection.self), try runner(RecordsProjection.self), try runner(FunderProjection.self),
            try runner(MembershipProjection.self), try runner(ElectionsProjection.self), try runner(PartnershipProjection.self),
        ]
        preparer = BatchPreparer(typeNumbers: typeNumbers, steps: all.map(\.preparation))
        var databases: [String: [Int: ModelDatabases]] = [:]
        for runner in all {
            for version in Set([runner.version, runner.servingVersion]) {
                databases[runner.name, default: [:]][version] = try storage.databases(runner.name, version: version)
            }
        }
        source = ModelSource(storage: storage, databases: databases, ownsStorage: ownsStorage)
    }

    /// The checkpoints of the models answering queries.
    var servingCheckpoints: [String: UInt64] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.servingCheckpoint) })
    }

    /// Applies one batch to every projection in one write transaction, checkpoints included.
    func write(_ batch: [ProjectionEvent], storage: ProjectionStorage) throws {
        try write(preparer.prepare(batch), storage: storage)
    }

    /// Applies one prepared batch to every projection in one write transaction, checkpoints
    /// included.
    func write(_ batch: PreparedBatch, storage: ProjectionStorage) throws {
        let checkpoints = try storage.environment.write { txn in
            try zip(all, batch.projections).map { runner, prepared in
                try runner.write(batch.events, prepared: prepared, in: txn, storage: storage)
            }
        }
        for (runner, checkpoint) in zip(all, checkpoints) { runner.committed(checkpoint: checkpoint) }
    }

    /// Swaps in every shadow that has applied the log up to `head`.
    func swapCaughtUpShadows(head: UInt64, storage: ProjectionStorage) throws {
        let ready = all.filter { $0.isBuildingShadow && $0.checkpoint >= head }
        guard !ready.isEmpty else { return }
        try storage.environment.write { txn in
            for runner in ready { try runner.writeSwap(in: txn, storage: storage) }
        }
        for runner in ready { runner.completeSwap() }
    }
}

/// Where queries read: the environment and the databases of each projection version that may
/// be active. Queries look up the active version inside their own read transaction, so a swap
/// is seen atomically. An as-of model owns its temporary environment and removes it when the
/// last ``ReadModels`` using it goes away.
final class ModelSource: Sendable {
    let storage: ProjectionStorage
    let databases: [String: [Int: ModelDatabases]]
    private let ownsStorage: Bool

    init(storage: ProjectionStorage, databases: [String: [Int: ModelDatabases]], ownsStorage: Bool) {
        self.storage = storage
        self.databases = databases
        self.ownsStorage = ownsStorage
    }

    deinit {
        if ownsStorage { storage.close() }
    }
}
