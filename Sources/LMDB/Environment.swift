import CLMDB
import Glibc

/// An open LMDB environment: one directory holding `data.mdb` and `lock.mdb`.
///
/// Transactions exist only inside the closures of ``read(_:)`` and ``write(_:)``, so none can
/// leak or outlive the environment. Open an environment once per process (lmdb.h: closing a
/// second handle to the same files breaks the first one's locks).
public final class Environment: @unchecked Sendable {
    // Sendable because every use of `handle` happens inside `gate`, and LMDB's environment is
    // thread-safe with MDB_NOTLS; `isClosed` and `mapSizeBytes` change only under the gate's
    // exclusive side.
    let handle: OpaquePointer
    public let path: String
    public let configuration: EnvironmentConfiguration
    private let gate = ReadWriteGate()
    private var isClosed = false
    private var currentMapSizeBytes: Int

    /// Opens (creating if needed) the environment in the existing directory `path`.
    public init(path: String, configuration: EnvironmentConfiguration = .init()) throws {
        var environment: OpaquePointer?
        try check(mdb_env_create(&environment), "mdb_env_create")
        guard let environment else { throw LMDBError(code: .invalid, operation: "mdb_env_create") }
        do {
            try check(mdb_env_set_maxreaders(environment, configuration.readersMax), "mdb_env_set_maxreaders")
            try check(mdb_env_set_maxdbs(environment, configuration.databasesMax), "mdb_env_set_maxdbs")
            try check(mdb_env_set_mapsize(environment, configuration.mapSizeBytes), "mdb_env_set_mapsize")
            var flags = UInt32(MDB_NOTLS)
            if configuration.syncDisabled { flags |= UInt32(MDB_NOSYNC) }
            if configuration.metaSyncDeferred { flags |= UInt32(MDB_NOMETASYNC) }
            try check(mdb_env_open(environment, path, flags, mode_t(configuration.fileMode)), "mdb_env_open(\(path))")
            var deadReaders: Int32 = 0
            try check(mdb_reader_check(environment, &deadReaders), "mdb_reader_check")
        } catch {
            mdb_env_close(environment)
            throw error
        }
        self.handle = environment
        self.path = path
        self.configuration = configuration
        self.currentMapSizeBytes = 0
        self.currentMapSizeBytes = Self.mapSize(of: environment)
    }

    deinit { close() }

    /// Closes the environment once every running transaction has finished.
    /// Later calls on it throw ``LMDBError/environmentClosed``.
    public func close() {
        gate.withExclusive {
            guard !isClosed else { return }
            isClosed = true
            mdb_env_close(handle)
        }
    }

    /// Runs `body` in a read-only snapshot. Do not open another transaction inside it.
    public func read<R>(_ body: (Transaction) throws -> R) throws -> R {
        var retriedAfterReaderCheck = false
        while true {
            do {
                return try gate.withShared {
                    try ensureOpen("read")
                    let transaction = try Transaction(environment: self, readOnly: true)
                    defer { transaction.abort() }
                    return try body(transaction)
                }
            } catch LMDBError.mapResized {
                try adoptMapSizeFromOtherProcess()
            } catch LMDBError.readersFull where !retriedAfterReaderCheck {
                // Slots left by dead processes are reclaimable; only then is it really full.
                retriedAfterReaderCheck = true
                _ = try clearStaleReaders()
            }
        }
    }

    /// Runs `body` in a write transaction and commits when it returns; aborts if it throws.
    ///
    /// On `MDB_MAP_FULL` the transaction is aborted, the map grows (doubling, up to
    /// ``EnvironmentConfiguration/mapSizeBytesMax``) and `body` runs again from the start, so it
    /// must have no effects outside the transaction until this call returns. Callers serialise
    /// their writes (one writer per environment); a second concurrent writer blocks in LMDB.
    ///
    /// `metaSync: .deferred` commits this one transaction as ``EnvironmentConfiguration/metaSyncDeferred``
    /// does (one fsync, the meta page left to the next durable commit): for writes that can be
    /// derived again, such as indexes of the log. The flag is the environment's, set and cleared
    /// around this commit, so it is safe only because writes are serialised.
    public func write<R>(metaSync: MetaSync = .durable, _ body: (WriteTransaction) throws -> R) throws -> R {
        while true {
            do {
                return try gate.withShared {
                    try ensureOpen("write")
                    let transaction = try WriteTransaction(environment: self)
                    do {
                        let result = try body(transaction)
                        try commit(transaction, metaSync: metaSync)
                        return result
                    } catch {
                        transaction.abort()
                        throw error
                    }
                }
            } catch LMDBError.mapFull {
                try growMap()
            } catch LMDBError.mapResized {
                try adoptMapSizeFromOtherProcess()
            }
        }
    }

    /// Whether a write's commit waits for its meta page to reach the disk.
    public enum MetaSync: Sendable {
        /// Two syncs: the commit survives a system crash once it returns.
        case durable
        /// One sync: a system crash may undo this commit (never tear it) until the next durable one.
        case deferred
    }

    private func commit(_ transaction: WriteTransaction, metaSync: MetaSync) throws {
        let defersNow = metaSync == .deferred && !configuration.metaSyncDeferred && !configuration.syncDisabled
        guard defersNow else { return try transaction.commit() }
        try check(mdb_env_set_flags(handle, UInt32(MDB_NOMETASYNC), 1), "mdb_env_set_flags(MDB_NOMETASYNC)")
        defer { mdb_env_set_flags(handle, UInt32(MDB_NOMETASYNC), 0) }
        try transaction.commit()
    }

    /// The unnamed main database, which also holds the names of the named ones: keys written
    /// into it must never equal such a name.
    public func openMainDatabase() throws -> Database {
        try write { transaction in
            var handle: MDB_dbi = 0
            try check(mdb_dbi_open(transaction.handle, nil, 0, &handle), "mdb_dbi_open(main)")
            return Database(handle: handle, name: "main")
        }
    }

    /// Opens (creating when `create`) a named database.
    public func openDatabase(named name: String, flags: Database.Flags = [], create: Bool = true) throws -> Database {
        try write { transaction in
            var handle: MDB_dbi = 0
            let openFlags = flags.rawValue | (create ? UInt32(MDB_CREATE) : 0)
            try check(mdb_dbi_open(transaction.handle, name, openFlags, &handle), "mdb_dbi_open(\(name))")
            return Database(handle: handle, name: name)
        }
    }

    /// True when commits leave the meta page unsynced: always under
    /// ``EnvironmentConfiguration/metaSyncDeferred``, never between writes otherwise.
    public var defersMetaSync: Bool {
        var flags: UInt32 = 0
        mdb_env_get_flags(handle, &flags)
        return flags & UInt32(MDB_NOMETASYNC) != 0
    }

    /// The largest key LMDB accepts in this build (511 bytes by default).
    public var keySizeBytesMax: Int { Int(mdb_env_get_maxkeysize(handle)) }

    /// Frees reader slots held by processes that died. Returns how many were freed.
    @discardableResult
    public func clearStaleReaders() throws -> Int {
        try gate.withShared {
            try ensureOpen("mdb_reader_check")
            var deadReaders: Int32 = 0
            try check(mdb_reader_check(handle, &deadReaders), "mdb_reader_check")
            return Int(deadReaders)
        }
    }

    /// Entries in the unnamed main database: the names of the named databases, if any.
    public func mainDatabaseEntries() throws -> Int {
        try gate.withShared {
            try ensureOpen("mdb_env_stat")
            var stat = MDB_stat()
            try check(mdb_env_stat(handle, &stat), "mdb_env_stat")
            return stat.ms_entries
        }
    }

    public func info() throws -> EnvironmentInfo {
        try gate.withShared {
            try ensureOpen("mdb_env_info")
            var info = MDB_envinfo()
            var stat = MDB_stat()
            try check(mdb_env_info(handle, &info), "mdb_env_info")
            try check(mdb_env_stat(handle, &stat), "mdb_env_stat")
            return EnvironmentInfo(
                mapSizeBytes: info.me_mapsize,
                pageSizeBytes: Int(stat.ms_psize),
                usedBytes: (info.me_last_pgno + 1) * Int(stat.ms_psize),
                readersMax: Int(info.me_maxreaders),
                readersUsed: Int(info.me_numreaders)
            )
        }
    }

    /// Copies the environment to the existing, empty directory `path` while writers run.
    /// With `compact`, free pages are omitted and the copy is renumbered.
    public func copy(to path: String, compact: Bool) throws {
        try gate.withShared {
            try ensureOpen("mdb_env_copy2")
            let flags = compact ? UInt32(MDB_CP_COMPACT) : 0
            try check(mdb_env_copy2(handle, path, flags), "mdb_env_copy2(\(path))")
        }
    }

    /// Flushes buffers to disk (useful only with ``EnvironmentConfiguration/syncDisabled``).
    public func sync() throws {
        try gate.withShared {
            try ensureOpen("mdb_env_sync")
            try check(mdb_env_sync(handle, 1), "mdb_env_sync")
        }
    }

    // MARK: Map growth

    private func growMap() throws {
        try gate.withExclusive {
            try ensureOpen("mdb_env_set_mapsize")
            let limit = configuration.mapSizeBytesMax
            guard currentMapSizeBytes < limit else {
                throw LMDBError(
                    code: .mapFull, operation: "grow map",
                    message: "the store reached its configured maximum size of \(limit) bytes (mapSizeBytesMax)")
            }
            let grown = min(max(currentMapSizeBytes * 2, currentMapSizeBytes + (1 << 20)), limit)
            try check(mdb_env_set_mapsize(handle, grown), "mdb_env_set_mapsize(\(grown))")
            currentMapSizeBytes = Self.mapSize(of: handle)
        }
    }

    private func adoptMapSizeFromOtherProcess() throws {
        try gate.withExclusive {
            try ensureOpen("mdb_env_set_mapsize")
            try check(mdb_env_set_mapsize(handle, 0), "mdb_env_set_mapsize(0)")
            currentMapSizeBytes = Self.mapSize(of: handle)
        }
    }

    private func ensureOpen(_ operation: String) throws(LMDBError) {
        if isClosed {
            throw LMDBError(code: .environmentClosed, operation: operation, message: "the environment is closed")
        }
    }

    private static func mapSize(of handle: OpaquePointer) -> Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return info.me_mapsize
    }
}
