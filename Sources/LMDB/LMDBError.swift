import CLMDB

/// An error from LMDB: the return code, the operation that produced it and LMDB's own message.
///
/// Match a code in a `catch` clause with `catch LMDBError.mapFull`, or inspect ``code``.
public struct LMDBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An LMDB (or errno) return code.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
    }

    public let code: Code
    /// The `mdb_*` call (or Harbour operation) that failed.
    public let operation: String
    public let message: String

    public init(code: Code, operation: String, message: String? = nil) {
        self.code = code
        self.operation = operation
        self.message = message ?? String(cString: mdb_strerror(code.rawValue))
    }

    public var description: String { "\(operation): \(message) (LMDB code \(code.rawValue))" }
}

extension LMDBError.Code {
    public static let keyExists = Self(rawValue: MDB_KEYEXIST)
    public static let notFound = Self(rawValue: MDB_NOTFOUND)
    public static let pageNotFound = Self(rawValue: MDB_PAGE_NOTFOUND)
    public static let corrupted = Self(rawValue: MDB_CORRUPTED)
    public static let panic = Self(rawValue: MDB_PANIC)
    public static let versionMismatch = Self(rawValue: MDB_VERSION_MISMATCH)
    public static let invalid = Self(rawValue: MDB_INVALID)
    public static let mapFull = Self(rawValue: MDB_MAP_FULL)
    public static let databasesFull = Self(rawValue: MDB_DBS_FULL)
    public static let readersFull = Self(rawValue: MDB_READERS_FULL)
    public static let tlsFull = Self(rawValue: MDB_TLS_FULL)
    public static let transactionFull = Self(rawValue: MDB_TXN_FULL)
    public static let cursorFull = Self(rawValue: MDB_CURSOR_FULL)
    public static let pageFull = Self(rawValue: MDB_PAGE_FULL)
    public static let mapResized = Self(rawValue: MDB_MAP_RESIZED)
    public static let incompatible = Self(rawValue: MDB_INCOMPATIBLE)
    public static let badReaderSlot = Self(rawValue: MDB_BAD_RSLOT)
    public static let badTransaction = Self(rawValue: MDB_BAD_TXN)
    public static let badValueSize = Self(rawValue: MDB_BAD_VALSIZE)
    public static let badDatabase = Self(rawValue: MDB_BAD_DBI)
    /// Harbour's own code, outside LMDB's and errno's ranges: the environment was closed.
    public static let environmentClosed = Self(rawValue: 1_000_001)
}

extension LMDBError {
    public static let keyExists = Code.keyExists
    public static let notFound = Code.notFound
    public static let corrupted = Code.corrupted
    public static let mapFull = Code.mapFull
    public static let readersFull = Code.readersFull
    public static let mapResized = Code.mapResized
    public static let badValueSize = Code.badValueSize
    public static let environmentClosed = Code.environmentClosed
}

/// Lets `catch LMDBError.mapFull` match an ``LMDBError`` by its code.
public func ~= (pattern: LMDBError.Code, error: any Error) -> Bool {
    (error as? LMDBError)?.code == pattern
}

/// Throws an ``LMDBError`` for any non-zero LMDB return code.
@inline(__always)
func check(_ returnCode: Int32, _ operation: @autoclosure () -> String) throws(LMDBError) {
    guard returnCode == 0 else {
        throw LMDBError(code: LMDBError.Code(rawValue: returnCode), operation: operation())
    }
}
