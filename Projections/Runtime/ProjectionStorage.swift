import Foundation
import LMDB

/// The projections' own LMDB environment (`<store>/projections`), apart from the log so its
/// writes never wait on the log's writer or its map growth. It holds one database per
/// projection version (`name@version`), the checkpoints, and which version of each is active.
final class ProjectionStorage: Sendable {
    let environment: Environment
    /// `name@version` → last applied position (big-endian UInt64).
    let checkpoints: Database
    /// `name` → the version that answers queries (big-endian UInt64).
    let active: Database

    /// Databases the environment may hold: two (checkpoints, active) plus, per projection, the
    /// serving and a shadow version.
    static let databasesMax: UInt32 = 64

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        environment = try Environment(
            path: directory,
            configuration: EnvironmentConfiguration(mapSizeBytes: 256 << 20, databasesMax: Self.databasesMax))
        checkpoints = try environment.openDatabase(named: "checkpoints")
        active = try environment.openDatabase(named: "active")
    }

    static func databaseName(_ name: String, version: Int) -> String { "\(name)@\(version)" }

    func database(_ name: String, version: Int) throws -> Database {
        try environment.openDatabase(named: Self.databaseName(name, version: version))
    }

    func activeVersion(of name: String) throws -> Int? {
        try environment.read { txn in
            try txn.get(active, key: Array(name.utf8)).map { Int(BigEndian.uint64($0)) }
        }
    }

    func checkpoint(of name: String, version: Int) throws -> UInt64 {
        try environment.read { txn in
            try txn.get(checkpoints, key: Array(Self.databaseName(name, version: version).utf8)).map { BigEndian.uint64($0) } ?? 0
        }
    }

    /// Calls `body` with every row of `database`.
    func forEachRow(
        _ database: Database, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try environment.read { txn in
            try txn.withCursor(database) { cursor in
                var entry = try cursor.first()
                while let (key, value) = entry {
                    try body(key, value)
                    entry = try cursor.next()
                }
            }
        }
    }

    func close() { environment.close() }
}

/// One projection's pending write: its changed rows and its new checkpoint, which go to disk
/// in the same transaction as every other projection's.
struct ProjectionWrite {
    let database: Database
    let checkpointKey: [UInt8]
    let checkpoint: UInt64
    let changes: [(key: [UInt8], value: [UInt8]?)]
    /// Set when this model is the served one: its version is recorded as active.
    let activeName: [UInt8]?
    let version: Int

    func write(in txn: WriteTransaction, checkpoints: Database) throws {
        for change in changes {
            if let value = change.value {
                try txn.put(database, key: change.key, value: value)
            } else {
                try txn.delete(database, key: change.key)
            }
        }
        try txn.put(checkpoints, key: checkpointKey, value: BigEndian.bytes(checkpoint))
    }

    func recordActive(in txn: WriteTransaction, active: Database) throws {
        guard let activeName else { return }
        try txn.put(active, key: activeName, value: BigEndian.bytes(UInt64(version)))
    }
}
