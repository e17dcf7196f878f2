public import Events
public import Foundation
import Crypto
import Glibc
import Synchronization

/// The data keys of one data folder: seals personal fields with a stream's key (created on first
/// use, owned by the data subject), opens them while the key exists, destroys a subject's keys on
/// erasure, and re-wraps every key when the master key is rotated. One per process and folder.
public final class KeyRing: PersonalDataKeys {
    /// The key database's folder inside a data folder.
    public static let folderName = "keys"

    private struct State: ~Copyable {
        let vault: KeyVault
        var cache: [String: SymmetricKey] = [:]
        /// Keys created since the last ``KeyRing/makeKeysDurable()``, not yet in the database.
        var pending: [String: KeyRecord] = [:]
        var erased: Set<String>

        mutating func storePending() throws {
            guard !pending.isEmpty else { return }
            try vault.store(pending)
            pending = [:]
        }
    }

    private let state: Mutex<State>
    /// Where the key database lives.
    public let path: String
    /// An exclusive lock on `<data>/keys.lock`, held while the ring is open: erasure and rotation
    /// replace the key file, which another process holding it open would not see.
    private let lockDescriptor: Int32

    private init(vault: KeyVault, lockDescriptor: Int32) throws {
        path = vault.directory
        self.lockDescriptor = lockDescriptor
        state = Mutex(State(vault: vault, erased: try vault.erasedOwners()))
    }

    deinit { close(lockDescriptor) }

    /// Opens (creating when absent) the key database of `dataDirectory` with `master`.
    /// - Throws: ``PrivacyError/wrongMasterKey(keysPath:)`` before anything is written when the
    ///   key does not match; ``PrivacyError/masterKeyMissing(keysPath:)`` when `master` is nil.
    public static func open(dataDirectory: String, master: MasterKey?) throws -> KeyRing {
        let directory = dataDirectory + "/" + folderName
        guard let master else { throw PrivacyError.masterKeyMissing(keysPath: directory) }
        let lock = try exclusiveLock(directory + ".lock", keysPath: directory)
        do {
            return try KeyRing(vault: KeyVault.open(directory: directory, master: master), lockDescriptor: lock)
        } catch {
            close(lock)
            throw error
        }
    }

    private static func exclusiveLock(_ path: String, keysPath: String) throws -> Int32 {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw PrivacyError.keysUnavailable(path: path, problem: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw PrivacyError.keysInUse(keysPath: keysPath)
        }
        return descriptor
    }

    /// True when `dataDirectory` holds a key database.
    public static func exists(inDataDirectory dataDirectory: String) -> Bool {
        KeyVault.exists(at: dataDirectory + "/" + folderName)
    }

    public func seal(_ plaintext: Data, keyId: String, owner: String) throws -> SealedBox {
        let key = try dataKey(keyId, owner: owner)
        return SealedBox(keyId: keyId, box: Data(try Wrapping.wrap(Array(plaintext), with: key, label: Array(keyId.utf8))))
    }

    public func ensureKey(_ keyId: String, owner: String) throws {
        _ = try dataKey(keyId, owner: owner)
    }

    /// Stores every key created since the last call in one durable transaction. Call it before
    /// appending anything sealed since then: a sealed field must never reach the log before its
    /// key is on disk. Creating keys one durable commit at a time made a sealed append 8.7 times
    /// slower than a clear one.
    public func makeKeysDurable() throws {
        try state.withLock { state in try state.storePending() }
    }

    /// The data key `keyId`, created (pending until ``makeKeysDurable()``) for `owner` when
    /// absent, unless `owner` was erased.
    private func dataKey(_ keyId: String, owner: String) throws -> SymmetricKey {
        try state.withLock { state throws -> SymmetricKey in
            if let key = state.cache[keyId] { return key }
            if let key = try state.vault.dataKey(keyId) {
                state.cache[keyId] = key
                return key
            }
            guard !state.erased.contains(owner) else { throw PrivacyError.subjectErased(owner: owner) }
            let (key, record) = try state.vault.newKey(keyId, owner: owner)
            state.pending[keyId] = record
            state.cache[keyId] = key
            return key
        }
    }

    public func open(_ box: SealedBox) throws -> Data? {
        let key = try state.withLock { state throws -> SymmetricKey? in
            if let key = state.cache[box.keyId] { return key }
            let key = try state.vault.dataKey(box.keyId)
            state.cache[box.keyId] = key
            return key
        }
        guard let key else { return nil }
        return Data(try Wrapping.unwrap(Array(box.box), with: key, label: Array(box.keyId.utf8)))
    }

    public func destroyKeys(ownedBy owner: String) throws {
        try state.withLock { state in
            let unstored = state.pending.filter { $0.value.owner == owner }.map(\.key)
            for keyId in unstored { state.pending[keyId] = nil }
            let destroyed = try state.vault.destroyKeys(ownedBy: owner)
            for keyId in destroyed + unstored { state.cache[keyId] = nil }
            state.erased.insert(owner)
        }
    }

    public func isErased(_ owner: String) throws -> Bool {
        state.withLock { $0.erased.contains(owner) }
    }

    /// Re-wraps every data key with `newMaster` and makes it the ring's master key. Returns how
    /// many keys were re-wrapped. Keep `newMaster` before calling: the old one no longer opens.
    @discardableResult
    public func rotateMasterKey(to newMaster: MasterKey) throws -> Int {
        try state.withLock { state in
            try state.storePending()
            return try state.vault.rotate(to: newMaster)
        }
    }

    /// How many data keys there are, stored or pending.
    public func keyCount() throws -> Int {
        try state.withLock { state in try state.vault.records().count + state.pending.count }
    }

    /// Copies the key database of `source` (a data folder, possibly in use by another process)
    /// to `destination/keys`, without the keys of `purging` or of any subject erased at the
    /// source by the end of the copy. For backups: copy the log first, then the keys, so the
    /// keys copy holds every key the log copy uses. Returns how many keys the copy holds. Do not
    /// call it in a process that holds a ring on `source` (LMDB: one environment per process).
    public static func copyDatabase(fromDataDirectory source: String, toDataDirectory destination: String, purging: Set<String>)
        throws -> Int
    {
        try KeyVault.copy(from: source + "/" + folderName, to: destination + "/" + folderName, purging: purging)
    }

    /// True when data key `keyId` is stored in the key database (not only pending).
    @_spi(Testing) public func isStored(_ keyId: String) throws -> Bool {
        try state.withLock { state in try state.vault.records().contains { $0.keyId == keyId } }
    }

    /// The stored (wrapped) and raw bytes of data key `keyId`: what destruction must remove from
    /// disk, for tests that scan the data folder.
    @_spi(Testing) public func keyMaterial(_ keyId: String) throws -> (wrapped: [UInt8], raw: [UInt8])? {
        try state.withLock { state in
            guard let record = try state.vault.records().first(where: { $0.keyId == keyId })?.record,
                let raw = try state.vault.dataKey(keyId)
            else { return nil }
            return (record.wrapped, raw.withUnsafeBytes { Array($0) })
        }
    }
}
