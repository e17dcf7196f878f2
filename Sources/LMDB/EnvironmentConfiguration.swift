/// How an ``Environment`` is opened. Every limit is named with its unit last.
public struct EnvironmentConfiguration: Sendable {
    /// The map size to open with. An existing environment with a larger stored size keeps it.
    public var mapSizeBytes: Int
    /// The map grows (doubling) on `MDB_MAP_FULL` up to this size, then the write fails.
    public var mapSizeBytesMax: Int
    /// Named databases the environment may hold.
    public var databasesMax: UInt32
    /// Concurrent read transactions across all processes (LMDB's default is 126).
    public var readersMax: UInt32
    /// Skip fsync on commit. Not durable: for benchmarks that measure CPU cost only.
    public var syncDisabled: Bool
    /// Sync the data pages on commit but not the meta page (`MDB_NOMETASYNC`): one fsync per
    /// commit instead of two. A system crash may undo the last commit, never tear one: for
    /// environments derived from the log (read models), which catch up again from their
    /// checkpoint. Never for the log itself.
    public var metaSyncDeferred: Bool
    /// Permissions of the data and lock files. The log holds personal data: owner only.
    public var fileMode: UInt32

    public init(
        mapSizeBytes: Int = 64 << 20,
        mapSizeBytesMax: Int = 1 << 40,
        databasesMax: UInt32 = 32,
        readersMax: UInt32 = 126,
        syncDisabled: Bool = false,
        metaSyncDeferred: Bool = false,
        fileMode: UInt32 = 0o600
    ) {
        self.mapSizeBytes = mapSizeBytes
        self.mapSizeBytesMax = mapSizeBytesMax
        self.databasesMax = databasesMax
        self.readersMax = readersMax
        self.syncDisabled = syncDisabled
        self.metaSyncDeferred = metaSyncDeferred
        self.fileMode = fileMode
    }
}

/// A snapshot of an environment's size and use.
public struct EnvironmentInfo: Sendable, Equatable {
    public let mapSizeBytes: Int
    public let pageSizeBytes: Int
    /// Pages in use up to the last one written (the high-water mark).
    public let usedBytes: Int
    public let readersMax: Int
    public let readersUsed: Int
}
