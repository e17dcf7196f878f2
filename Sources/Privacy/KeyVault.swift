import Crypto
import Foundation
import LMDB

/// The key database, `<data>/keys`: its own LMDB environment, apart from the log, holding each
/// data key wrapped (AES-GCM) by the master key, the subjects already erased, and a verifier
/// that tells a wrong master key at open. Not thread-safe: ``KeyRing`` owns it behind a lock.
// @unchecked Sendable: only ever touched inside KeyRing's Mutex, one caller at a time.
final class KeyVault: @unchecked Sendable {
    /// The on-disk format this build reads and writes.
    static let formatVersion: UInt32 = 1
    /// What the verifier seals; opening it proves the master key is the right one.
    static let verifierPlaintext = Array("harbour key database verifier".utf8)
    static let metaFormat = Array("format".utf8)
    static let metaVerifier = Array("verifier".utf8)
    static let metaCompactPending = Array("compactPending".utf8)

    let directory: String
    private(set) var master: MasterKey
    private var environment: Environment
    private var keys: Database
    private var erased: Database
    private var meta: Database

    private init(directory: String, master: MasterKey, environment: Environment) throws {
        self.directory = directory
        self.master = master
        self.environment = environment
        (keys, erased, meta) = try Self.databases(of: environment)
    }

    deinit { environment.close() }

    static func databases(of environment: Environment) throws -> (Database, Database, Database) {
        (
            try environment.openDatabase(named: "keys"), try environment.openDatabase(named: "erased"),
            try environment.openDatabase(named: "meta")
        )
    }

    /// True when `directory` already holds a key database.
    static func exists(at directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/data.mdb")
    }

    /// Opens the key database at `directory`, checking `master` against its verifier before
    /// anything is written; creates it when it does not exist.
    static func open(directory: String, master: MasterKey) throws -> KeyVault {
        let existed = exists(at: directory)
        if existed {
            try check(directory: directory, master: master)
        } else {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        removeLeftoverCopies(of: directory)
        let vault = try KeyVault(directory: directory, master: master, environment: Environment(path: directory))
        if !existed { try vault.initialize() }
        if try vault.metaValue(metaCompactPending) != nil { try vault.compact() }
        return vault
    }

    /// Reads the format and verifier in a read-only snapshot, so a wrong key changes nothing.
    private static func check(directory: String, master: MasterKey) throws {
        let environment = try Environment(path: directory)
        defer { environment.close() }
        let (format, verifier): ([UInt8]?, [UInt8]?) = try environment.read { txn in
            guard let meta = try txn.openExistingDatabase(named: "meta") else { return (nil, nil) }
            return (try txn.get(meta, key: metaFormat).map(Array.init), try txn.get(meta, key: metaVerifier).map(Array.init))
        }
        let found = format.map { $0.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } } ?? 0
        guard found == formatVersion else { throw PrivacyError.unsupportedFormat(keysPath: directory, found: found) }
        guard let verifier, let opened = try? Wrapping.unwrap(verifier, with: master.key, label: metaVerifier),
            opened == verifierPlaintext
        else { throw PrivacyError.wrongMasterKey(keysPath: directory) }
    }

    private func initialize() throws {
        let verifier = try Wrapping.wrap(Self.verifierPlaintext, with: master.key, label: Self.metaVerifier)
        try environment.write { txn in
            try txn.put(meta, key: Self.metaFormat, value: BigEndian.bytes(UInt64(Self.formatVersion)).suffix(4).map { $0 })
            try txn.put(meta, key: Self.metaVerifier, value: verifier)
        }
    }

    private func metaValue(_ key: [UInt8]) throws -> [UInt8]? {
        try environment.read { txn in try txn.get(meta, key: key).map(Array.init) }
    }

    /// The data key `keyId`, unwrapped, or nil when there is none.
    func dataKey(_ keyId: String) throws -> SymmetricKey? {
        guard let record = try environment.read({ txn in try txn.get(keys, key: Array(keyId.utf8)).map(KeyRecord.init) }) else {
            return nil
        }
        guard let raw = try? Wrapping.unwrap(record.wrapped, with: master.key, label: Array(keyId.utf8)) else {
            throw PrivacyError.keyDamaged(keyId: keyId)
        }
        return SymmetricKey(data: raw)
    }

    /// A new random data key `keyId` for `owner` and its record wrapped by the master key, not
    /// yet stored (see ``store(_:)``).
    func newKey(_ keyId: String, owner: String) throws -> (key: SymmetricKey, record: KeyRecord) {
        let key = SymmetricKey(size: .bits256)
        let wrapped = try key.withUnsafeBytes { try Wrapping.wrap(Array($0), with: master.key, label: Array(keyId.utf8)) }
        return (key, KeyRecord(owner: owner, wrapped: wrapped))
    }

    /// Stores `records` (by key id) in one durable transaction: two fsyncs however many keys.
    func store(_ records: [String: KeyRecord]) throws {
        try environment.write { txn in
            for (keyId, record) in records { try txn.put(keys, key: Array(keyId.utf8), value: record.bytes, flags: .noOverwrite) }
        }
    }

    /// Every subject erased so far.
    func erasedOwners() throws -> Set<String> {
        try environment.read { txn in try Self.erasedOwners(txn, erased) }
    }

    static func erasedOwners(_ txn: Transaction, _ erased: Database) throws -> Set<String> {
        try txn.withCursor(erased) { cursor in
            var owners = Set<String>()
            var entry = try cursor.first()
            while let current = entry {
                owners.insert(String(decoding: current.key, as: UTF8.self))
                entry = try cursor.next()
            }
            return owners
        }
    }

    /// The stored records, by key id.
    func records() throws -> [(keyId: String, record: KeyRecord)] {
        try environment.read { txn in try Self.records(txn, keys) }
    }

    static func records(_ txn: Transaction, _ keys: Database) throws -> [(keyId: String, record: KeyRecord)] {
        try txn.withCursor(keys) { cursor in
            var found: [(String, KeyRecord)] = []
            var entry = try cursor.first()
            while let current = entry {
                found.append((String(decoding: current.key, as: UTF8.self), KeyRecord(current.value)))
                entry = try cursor.next()
            }
            return found
        }
    }

    /// Destroys every key of `owner` and records the owner as erased, then compacts the file so
    /// no free page keeps the wrapped keys. Returns the key ids destroyed.
    func destroyKeys(ownedBy owner: String) throws -> [String] {
        let doomed = try records().filter { $0.record.owner == owner }
        try environment.write { txn in
            try Self.shred(doomed, owners: [owner], txn: txn, keys: keys, erased: erased)
            try txn.put(meta, key: Self.metaCompactPending, value: [1])
        }
        try compact()
        return doomed.map(\.keyId)
    }

    /// Deletes `doomed` and records `owners` as erased; the file still needs compacting.
    ///
    /// Each record is first overwritten with zeros in place, then deleted: deleting a node leaves
    /// stale bytes in the page's free gap, and a compacting copy copies live pages whole.
    static func shred(
        _ doomed: [(keyId: String, record: KeyRecord)], owners: Set<String>, txn: WriteTransaction, keys: Database,
        erased: Database
    ) throws {
        for (keyId, record) in doomed {
            try txn.put(keys, key: Array(keyId.utf8), value: [UInt8](repeating: 0, count: record.bytes.count))
            _ = try txn.delete(keys, key: Array(keyId.utf8))
        }
        for owner in owners { try txn.put(erased, key: Array(owner.utf8), value: [1]) }
    }

    /// Re-wraps every data key and the verifier with `newMaster`, in one transaction, then
    /// compacts so no page wrapped by the old key survives in this file.
    func rotate(to newMaster: MasterKey) throws -> Int {
        let current = try records()
        var rewrapped: [(String, [UInt8])] = []
        for (keyId, record) in current {
            guard let raw = try? Wrapping.unwrap(record.wrapped, with: master.key, label: Array(keyId.utf8)) else {
                throw PrivacyError.keyDamaged(keyId: keyId)
            }
            let wrapped = try Wrapping.wrap(raw, with: newMaster.key, label: Array(keyId.utf8))
            rewrapped.append((keyId, KeyRecord(owner: record.owner, wrapped: wrapped).bytes))
        }
        let verifier = try Wrapping.wrap(Self.verifierPlaintext, with: newMaster.key, label: Self.metaVerifier)
        try environment.write { txn in
            for (keyId, bytes) in rewrapped { try txn.put(keys, key: Array(keyId.utf8), value: bytes) }
            try txn.put(meta, key: Self.metaVerifier, value: verifier)
            try txn.put(meta, key: Self.metaCompactPending, value: [1])
        }
        master = newMaster
        try compact()
        return rewrapped.count
    }

    /// Copies the live pages to a fresh file and renames it over `data.mdb` (atomic on one file
    /// system), so destroyed or re-wrapped keys left in free pages are gone from disk.
    func compact() throws {
        try Self.replaceWithCompactCopy(environment, directory: directory)
        environment = try Environment(path: directory)
        (keys, erased, meta) = try Self.databases(of: environment)
        try environment.write { txn in _ = try txn.delete(meta, key: Self.metaCompactPending) }
    }

    /// Copies the live pages of `environment` (at `directory`) to a fresh file, closes it, and
    /// renames the copy over `data.mdb`. The caller reopens.
    static func replaceWithCompactCopy(_ environment: Environment, directory: String) throws {
        let copy = directory + ".compact-\(getpid())"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try environment.copy(to: copy, compact: true)
        environment.close()
        guard rename(copy + "/data.mdb", directory + "/data.mdb") == 0 else {
            throw PrivacyError.compactionFailed(keysPath: directory, problem: "rename: \(String(cString: strerror(errno)))")
        }
    }

    /// A compaction interrupted by a crash leaves its copy beside the folder; it holds no more
    /// than the live file, and is removed.
    private static func removeLeftoverCopies(of directory: String) {
        let parent = (directory as NSString).deletingLastPathComponent
        let prefix = (directory as NSString).lastPathComponent + ".compact-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
    }
}
