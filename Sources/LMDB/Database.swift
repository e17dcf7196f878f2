import CLMDB

/// A named database inside an ``Environment``. Handles stay valid until the environment closes.
public struct Database: Sendable, Hashable {
    let handle: MDB_dbi
    public let name: String

    /// Options for opening a database.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// Keys are sorted as native unsigned integers (not used by Harbour: keys are big-endian bytes).
        public static let integerKey = Flags(rawValue: UInt32(MDB_INTEGERKEY))
        /// Several sorted values per key.
        public static let duplicateSort = Flags(rawValue: UInt32(MDB_DUPSORT))
        /// Duplicate values all have the same size.
        public static let duplicateFixed = Flags(rawValue: UInt32(MDB_DUPFIXED))
    }
}

/// Options for ``WriteTransaction/put(_:key:value:flags:)``.
public struct PutFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Fail with ``LMDBError/keyExists`` if the key is present.
    public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
    /// The key sorts after every key in the database: a fast append (fails otherwise).
    public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
    /// For duplicate-sorted databases: the value sorts after every value of its key.
    public static let appendDuplicate = PutFlags(rawValue: UInt32(MDB_APPENDDUP))
    /// For duplicate-sorted databases: fail if this key/value pair is present.
    public static let noDuplicateData = PutFlags(rawValue: UInt32(MDB_NODUPDATA))
}
