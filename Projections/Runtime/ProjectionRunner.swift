import Foundation
import LMDB

/// What the host needs of every projection, whatever its fact type.
protocol ProjectionRunning: AnyObject {
    var name: String { get }
    var version: Int { get }
    /// The version answering queries now (differs from `version` while a shadow builds).
    var servingVersion: Int? { get }
    var isBuildingShadow: Bool { get }
    /// The last position applied to the model being built (the shadow while there is one).
    var checkpoint: UInt64 { get }
    var payloadTypes: Set<String> { get }
    func apply(_ event: ProjectionEvent)
    func pendingWrite(encoder: JSONEncoder) throws -> ProjectionWrite
    /// Makes the shadow the served model on disk: flip the active version, drop the old rows.
    func writeSwap(in txn: WriteTransaction, storage: ProjectionStorage) throws
    /// After ``writeSwap(in:storage:)`` committed: serve the shadow.
    func completeSwap()
    /// Empties the model and its checkpoint on disk (an in-place rebuild).
    func writeReset(in txn: WriteTransaction, storage: ProjectionStorage) throws
    func completeReset()
}

/// One fact projection's models: the one serving queries and, after a version bump, the
/// shadow being rebuilt into `name@newVersion` until it catches up.
final class ProjectionRunner<P: FactProjection>: ProjectionRunning {
    let version: Int
    private(set) var serving: FactState<P>
    private(set) var servingVersion: Int?
    private var shadow: FactState<P>?
    /// Where the model being built is written: `name@version`.
    private let database: Database
    private var oldDatabase: Database?

    var name: String { P.name }
    var payloadTypes: Set<String> { P.payloadTypes }
    var isBuildingShadow: Bool { shadow != nil }
    var checkpoint: UInt64 { shadow?.checkpoint ?? serving.checkpoint }

    init(version: Int, storage: ProjectionStorage) throws {
        self.version = version
        database = try storage.database(P.name, version: version)
        let current = try Self.load(database, checkpoint: try storage.checkpoint(of: P.name, version: version), storage: storage)
        let active = try storage.activeVersion(of: P.name)
        if active == nil || active == version {
            serving = current
            servingVersion = version
            shadow = nil
        } else if let active {
            // A version bump: keep answering from the old model (when this code can still read
            // its rows) while the new one is built, resuming an interrupted shadow build.
            let old = try storage.database(P.name, version: active)
            oldDatabase = old
            let oldModel = try? Self.load(old, checkpoint: try storage.checkpoint(of: P.name, version: active), storage: storage)
            serving = oldModel ?? FactState()
            servingVersion = oldModel == nil ? nil : active
            shadow = current
        } else {
            serving = current
            servingVersion = version
        }
    }

    private static func load(_ database: Database, checkpoint: UInt64, storage: ProjectionStorage) throws -> FactState<P> {
        var state = FactState<P>()
        let decoder = JSONDecoder()
        try storage.forEachRow(database) { key, value in
            try state.load(storageKey: key, value: value, decoder: decoder)
        }
        state.restore(checkpoint: checkpoint)
        return state
    }

    func apply(_ event: ProjectionEvent) {
        if shadow != nil { shadow!.apply(event) } else { serving.apply(event) }
    }

    func pendingWrite(encoder: JSONEncoder) throws -> ProjectionWrite {
        let changes: [(key: [UInt8], value: [UInt8]?)]
        let position: UInt64
        if shadow != nil {
            changes = try shadow!.drainChanges(encoder: encoder)
            position = shadow!.checkpoint
        } else {
            changes = try serving.drainChanges(encoder: encoder)
            position = serving.checkpoint
        }
        return ProjectionWrite(
            database: database, checkpointKey: Array(ProjectionStorage.databaseName(P.name, version: version).utf8),
            checkpoint: position, changes: changes, activeName: shadow == nil ? Array(P.name.utf8) : nil, version: version)
    }

    func writeSwap(in txn: WriteTransaction, storage: ProjectionStorage) throws {
        try txn.put(storage.active, key: Array(P.name.utf8), value: BigEndian.bytes(UInt64(version)))
        if let oldDatabase, let servingVersion {
            try txn.clear(oldDatabase)
            try txn.delete(storage.checkpoints, key: Array(ProjectionStorage.databaseName(P.name, version: servingVersion).utf8))
        }
    }

    func completeSwap() {
        guard let shadow else { return }
        serving = shadow
        self.shadow = nil
        servingVersion = version
        oldDatabase = nil
    }

    func writeReset(in txn: WriteTransaction, storage: ProjectionStorage) throws {
        try txn.clear(database)
        try txn.delete(storage.checkpoints, key: Array(ProjectionStorage.databaseName(P.name, version: version).utf8))
    }

    func completeReset() {
        if shadow != nil { shadow = FactState() } else { serving = FactState() }
    }
}
