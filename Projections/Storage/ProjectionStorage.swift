import Foundation
import LMDB

/// The databases of one projection version (`name@version`): its facts, where each event's
/// facts went (for corrections), and its index.
struct ModelDatabases: Sendable {
    /// `table␟row␟position‖placement` → event id, correction position, fact.
    let facts: Database
    /// Event id (16 bytes) → the keys of its facts, each as a 2-byte length and the key.
    let locations: Database
    /// `f value␟row` (filed rows), `r row` → value, `c value` → count: see ``ModelIndex``.
    let index: Database

    var all: [Database] { [facts, locations, index] }
}

/// The projections' own LMDB environment (`<store>/projections`), apart from the log so its
/// writes never wait on the log's writer or its map growth. It holds three databases per
/// projection version, the checkpoints, and which version of each answers queries.
final class ProjectionStorage: Sendable {
    let environment: Environment
    /// `name@version` → last applied position (big-endian UInt64).
    let checkpoints: Database
    /// `name` → the version that answers queries (big-endian UInt64).
    let active: Database
    /// Where the directory is removed when the storage is closed (a temporary as-of model).
    private let removeOnClose: Bool

    /// Databases the environment may hold: two (checkpoints, active) plus, per projection,
    /// three for the serving version and three for a shadow.
    static let databasesMax: UInt32 = 64

    init(directory: String, syncDisabled: Bool = false, removeOnClose: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        environment = try Environment(
            path: directory,
            // Read models are derived: a crash that undoes their last commit (checkpoint and rows
            // together) only means catching up again from the log, so one sync per commit does.
            configuration: EnvironmentConfiguration(
                mapSizeBytes: 256 << 20, databasesMax: Self.databasesMax, syncDisabled: syncDisabled, metaSyncDeferred: true))
        checkpoints = try environment.openDatabase(named: "checkpoints")
        active = try environment.openDatabase(named: "active")
        self.removeOnClose = removeOnClose
        try upgradeFormat()
    }

    /// The layout on disk: 2 is one binary entry per fact. Format 1 (no marker) kept each row
    /// as one JSON value, which this code cannot serve.
    static let format: UInt64 = 2
    private static let formatKey = Array("format".utf8)

    /// Drops a format-1 environment's models (read models are derived: they are rebuilt from
    /// the log) and marks the environment with the current format. Refuses a newer format.
    private func upgradeFormat() throws {
        let meta = try environment.openDatabase(named: "meta")
        try environment.write { txn in
            if let stored = try txn.get(meta, key: Self.formatKey).map({ BigEndian.uint64($0) }) {
                guard stored <= Self.format else {
                    throw ProjectionError.invalidArgument(
                        field: "projections", problem: "stored in format \(stored), newer than this build's \(Self.format); upgrade Harbour")
                }
                if stored == Self.format { return }
            }
            var legacy: [(name: String, version: UInt64)] = []
            try txn.withCursor(active) { cursor in
                var entry = try cursor.first()
                while let (key, value) = entry {
                    legacy.append((String(decoding: key, as: UTF8.self), BigEndian.uint64(value)))
                    entry = try cursor.next()
                }
            }
            for (name, version) in legacy {
                if let old = try txn.openExistingDatabase(named: Self.databaseName(name, version: Int(version))) { try txn.clear(old) }
            }
            try txn.clear(active)
            try txn.clear(checkpoints)
            try txn.put(meta, key: Self.formatKey, value: BigEndian.bytes(Self.format))
        }
    }

    static func databaseName(_ name: String, version: Int) -> String { "\(name)@\(version)" }

    func databases(_ name: String, version: Int) throws -> ModelDatabases {
        let base = Self.databaseName(name, version: version)
        return ModelDatabases(
            facts: try environment.openDatabase(named: base), locations: try environment.openDatabase(named: base + "/locations"),
            index: try environment.openDatabase(named: base + "/index"))
    }

    func activeVersion(of name: String) throws -> Int? {
        try environment.read { txn in try activeVersion(of: name, in: txn) }
    }

    func activeVersion(of name: String, in txn: Transaction) throws -> Int? {
        try txn.get(active, key: Array(name.utf8)).map { Int(BigEndian.uint64($0)) }
    }

    func checkpoint(of name: String, version: Int) throws -> UInt64 {
        try environment.read { txn in
            try txn.get(checkpoints, key: Array(Self.databaseName(name, version: version).utf8)).map { BigEndian.uint64($0) } ?? 0
        }
    }

    func close() {
        environment.close()
        if removeOnClose { try? FileManager.default.removeItem(atPath: environment.path) }
    }
}
