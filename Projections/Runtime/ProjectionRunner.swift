import LMDB

/// What the runtime needs of every projection, whatever its fact type.
protocol ProjectionRunning: AnyObject {
    var name: String { get }
    var version: Int { get }
    /// The version answering queries (differs from `version` while a shadow builds).
    var servingVersion: Int { get }
    var isBuildingShadow: Bool { get }
    /// The last position applied to the model being built (the shadow while there is one).
    var checkpoint: UInt64 { get }
    /// The last position applied to the model answering queries.
    var servingCheckpoint: UInt64 { get }
    var payloadTypes: Set<String> { get }
    /// Applies the batch's events past the checkpoint and writes the new checkpoint, all in
    /// `txn`; returns the new checkpoint (call ``committed(checkpoint:)`` after the commit).
    /// `prepared` is what ``preparation`` made of the batch.
    func write(_ batch: [ProjectionEvent], prepared: any PreparedProjection, in txn: WriteTransaction, storage: ProjectionStorage) throws -> UInt64
    /// Works out what each event of a batch does to the model (`types`: each event's type
    /// number); pure, so the decoding thread runs it.
    var preparation: @Sendable (_ batch: [ProjectionEvent], _ types: [Int]) -> any PreparedProjection { get }
    func committed(checkpoint: UInt64)
    /// True when the model being built holds nothing yet (no checkpoint, empty databases), so
    /// it can be built in memory from the start of the log (``EmptyModelBuild``).
    func isEmpty(in txn: Transaction) throws -> Bool
    /// Starts building the model in memory from the start of the log.
    func startEmptyBuild() -> any EmptyModelBuilding
    /// Writes what `build` folded and its checkpoint into the empty model, all in `txn`;
    /// returns the new checkpoint (call ``committed(checkpoint:)`` after the commit).
    func write(_ build: any EmptyModelBuilding, in txn: WriteTransaction, storage: ProjectionStorage) throws -> UInt64
    /// Makes the shadow the served model on disk: flip the active version, drop the old one.
    func writeSwap(in txn: WriteTransaction, storage: ProjectionStorage) throws
    /// After ``writeSwap(in:storage:)`` committed: serve the shadow.
    func completeSwap()
    /// Empties the model being built and its checkpoint on disk (an in-place rebuild).
    func writeReset(in txn: WriteTransaction, storage: ProjectionStorage) throws
    func completeReset()
}

/// One fact projection's models on disk: the one serving queries and, after a version bump,
/// the shadow being rebuilt into `name@newVersion` until it catches up. Nothing of the model
/// itself is held here: only which databases to write and the checkpoints.
final class ProjectionRunner<P: BatchApplying>: ProjectionRunning {
    let version: Int
    private(set) var servingVersion: Int
    private(set) var checkpoint: UInt64
    private var oldCheckpoint: UInt64
    /// Where the model being built is written: `name@version`.
    private let databases: ModelDatabases
    /// The old version's databases while a shadow builds.
    private var oldDatabases: ModelDatabases?

    var name: String { P.name }
    var payloadTypes: Set<String> { P.payloadTypes }
    var isBuildingShadow: Bool { oldDatabases != nil }
    var servingCheckpoint: UInt64 { isBuildingShadow ? oldCheckpoint : checkpoint }

    /// Whether the projection reads each numbered event type (`reads[0]`: types nobody reads).
    private let reads: [Bool]

    init(version: Int, storage: ProjectionStorage, active: Int?, typeNumbers: EventTypeNumbers) throws {
        self.version = version
        reads = typeNumbers.mask(P.placesEveryEvent ? nil : P.payloadTypes)
        databases = try storage.databases(P.name, version: version)
        checkpoint = try storage.checkpoint(of: P.name, version: version)
        if let active, active != version {
            // A version bump: keep answering from the old model while the new one is built,
            // resuming an interrupted shadow build.
            oldDatabases = try storage.databases(P.name, version: active)
            oldCheckpoint = try storage.checkpoint(of: P.name, version: active)
            servingVersion = active
        } else {
            oldCheckpoint = 0
            servingVersion = version
        }
    }

    private var checkpointKey: [UInt8] { Array(ProjectionStorage.databaseName(P.name, version: version).utf8) }

    var preparation: @Sendable ([ProjectionEvent], [Int]) -> any PreparedProjection {
        let reads = reads
        return { batch, types in P.prepare(batch, types: types, reads: reads) }
    }

    func write(_ batch: [ProjectionEvent], prepared: any PreparedProjection, in txn: WriteTransaction, storage: ProjectionStorage) throws -> UInt64 {
        let applied = try P.apply(batch, prepared: prepared, after: checkpoint, in: txn, databases: databases)
        try txn.put(storage.checkpoints, key: checkpointKey, value: BigEndian.bytes(applied))
        return applied
    }

    func committed(checkpoint position: UInt64) { checkpoint = position }

    func isEmpty(in txn: Transaction) throws -> Bool {
        guard checkpoint == 0 else { return false }
        for database in databases.all where try txn.withCursor(database, { try $0.first() != nil }) { return false }
        return true
    }

    func startEmptyBuild() -> any EmptyModelBuilding { EmptyModelBuild<P>() }

    func write(_ build: any EmptyModelBuilding, in txn: WriteTransaction, storage: ProjectionStorage) throws -> UInt64 {
        guard let build = build as? EmptyModelBuild<P> else { preconditionFailure("\(P.name) was handed another projection's build") }
        let applied = try P.write(build, in: txn, databases: databases)
        if applied > 0 { try txn.put(storage.checkpoints, key: checkpointKey, value: BigEndian.bytes(applied)) }
        return applied
    }

    func writeSwap(in txn: WriteTransaction, storage: ProjectionStorage) throws {
        try txn.put(storage.active, key: Array(P.name.utf8), value: BigEndian.bytes(UInt64(version)))
        guard let oldDatabases else { return }
        for database in oldDatabases.all { try txn.clear(database) }
        try txn.delete(storage.checkpoints, key: Array(ProjectionStorage.databaseName(P.name, version: servingVersion).utf8))
    }

    func completeSwap() {
        oldDatabases = nil
        oldCheckpoint = 0
        servingVersion = version
    }

    func writeReset(in txn: WriteTransaction, storage: ProjectionStorage) throws {
        for database in databases.all { try txn.clear(database) }
        try txn.delete(storage.checkpoints, key: checkpointKey)
    }

    func completeReset() { checkpoint = 0 }
}

/// A projection's batch loop, compiled once per projection. The runner is a generic class
/// reached through ``ProjectionRunning``, so its own methods run unspecialized: every fact,
/// tuple and cast in the loop went through runtime type metadata (a fifth of a rebuild's
/// write samples). A protocol requirement's default implementation is specialized into each
/// conforming type's witness, so the loop lives here.
protocol BatchApplying: FactProjection {
    /// What each event of `batch` does to the model; `reads` marks the type numbers (`types`,
    /// one per event) the projection reads.
    static func prepare(_ batch: [ProjectionEvent], types: [Int], reads: [Bool]) -> any PreparedProjection
    /// Applies the prepared events of `batch` after position `checkpoint` in `txn`; returns the
    /// last position applied (the new checkpoint).
    static func apply(
        _ batch: [ProjectionEvent], prepared: any PreparedProjection, after checkpoint: UInt64, in txn: WriteTransaction,
        databases: ModelDatabases
    ) throws -> UInt64
    /// Folds the prepared events of `batch` into a model built in memory.
    static func fold(_ batch: [ProjectionEvent], prepared: any PreparedProjection, into build: EmptyModelBuild<Self>, positions: EventPositions) throws
    /// Writes a model built in memory into its empty `databases` in `txn`; returns the last
    /// position folded (the new checkpoint; 0 when nothing was).
    static func write(_ build: EmptyModelBuild<Self>, in txn: WriteTransaction, databases: ModelDatabases) throws -> UInt64
}

extension BatchApplying {
    static func prepare(_ batch: [ProjectionEvent], types: [Int], reads: [Bool]) -> any PreparedProjection {
        PreparedPlacements<Self>(events: batch.indices.map { reads[types[$0]] ? ModelWriter<Self>.prepare(batch[$0]) : .ignored })
    }

    static func apply(
        _ batch: [ProjectionEvent], prepared: any PreparedProjection, after checkpoint: UInt64, in txn: WriteTransaction,
        databases: ModelDatabases
    ) throws -> UInt64 {
        guard let prepared = prepared as? PreparedPlacements<Self>, prepared.events.count == batch.count else {
            preconditionFailure("\(name) was handed a batch prepared for another projection or batch")
        }
        var writer = ModelWriter<Self>(txn: txn, databases: databases)
        var applied = checkpoint
        // Events at or before the checkpoint were applied by an earlier batch: skipping them
        // makes a replay after an interrupted run harmless.
        for index in batch.indices where batch[index].position > applied {
            try writer.apply(prepared.events[index], of: batch[index])
            applied = batch[index].position
        }
        try writer.finish()
        return applied
    }

    static func fold(_ batch: [ProjectionEvent], prepared: any PreparedProjection, into build: EmptyModelBuild<Self>, positions: EventPositions) throws {
        guard let prepared = prepared as? PreparedPlacements<Self>, prepared.events.count == batch.count else {
            preconditionFailure("\(name) was handed a batch prepared for another projection or batch")
        }
        for index in batch.indices { try build.builder.apply(prepared.events[index], of: batch[index], positions: positions) }
    }

    static func write(_ build: EmptyModelBuild<Self>, in txn: WriteTransaction, databases: ModelDatabases) throws -> UInt64 {
        if let failure = build.sortFailure { throw failure }
        try build.builder.write(in: txn, databases: databases)
        return build.builder.lastPosition
    }
}

/// What the runtime holds of a model being built in memory, whatever its projection.
protocol EmptyModelBuilding: AnyObject, Sendable {
    /// Folds in the prepared events of a batch (the next in log order); `positions` finds the
    /// events corrections and voids name.
    func fold(_ batch: [ProjectionEvent], prepared: any PreparedProjection, positions: EventPositions) throws
    /// Sorts what was folded and folds its aggregates, ready to write (on any thread; the
    /// write does it otherwise, and throws what went wrong here).
    func sort()
    /// How many puts the build queued: the larger, the longer its sort.
    var queuedPuts: Int { get }
}

/// One projection's model being built in memory; a class, so the runtime holds it behind
/// ``EmptyModelBuilding`` and the projection's own specialized loop folds into it. Unchecked
/// Sendable: it is handed to a sorting thread once folded, and the writer waits for that sort
/// to finish before it touches the build again, so no two threads ever use it at once.
final class EmptyModelBuild<P: BatchApplying>: EmptyModelBuilding, @unchecked Sendable {
    var builder = EmptyModelBuilder<P>()
    /// Why ``sort()`` failed on the sorting thread (a fact it cannot read back); the write
    /// throws it.
    private(set) var sortFailure: (any Error)?

    func sort() {
        do { try builder.sort() } catch { sortFailure = error }
    }

    var queuedPuts: Int { builder.queuedPuts }

    func fold(_ batch: [ProjectionEvent], prepared: any PreparedProjection, positions: EventPositions) throws {
        try P.fold(batch, prepared: prepared, into: self, positions: positions)
    }
}

extension CaseloadProjection: BatchApplying {}
extension RecordsProjection: BatchApplying {}
extension FunderProjection: BatchApplying {}
extension MembershipProjection: BatchApplying {}
extension ElectionsProjection: BatchApplying {}
extension PartnershipProjection: BatchApplying {}
