import LMDB

/// A persisted secondary index: rows of one table filed under a value (clients under their
/// worker), kept as three kinds of entries so a page is a range scan and a count one get:
/// `f value␟row` (filed), `r row` → value (to unfile on change), `c value` → count.
struct ModelIndex {
    let database: Database
    private static let separator: UInt8 = 0x1F

    static func filedPrefix(_ value: String) -> [UInt8] { [UInt8(ascii: "f")] + Array(value.utf8) + [separator] }
    private static func reverseKey(_ row: String) -> [UInt8] { [UInt8(ascii: "r")] + Array(row.utf8) }
    private static func countKey(_ value: String) -> [UInt8] { [UInt8(ascii: "c")] + Array(value.utf8) }

    /// Files `row` under `value` (nil: under nothing), moving it from where it was.
    func file(_ row: String, under value: String?, in txn: WriteTransaction) throws {
        let reverse = Self.reverseKey(row)
        let previous = try txn.get(database, key: reverse).map { String(decoding: $0, as: UTF8.self) }
        guard previous != value else { return }
        if let previous {
            try txn.delete(database, key: Self.filedPrefix(previous) + Array(row.utf8))
            try add(-1, to: previous, in: txn)
        }
        if let value {
            try txn.put(database, key: Self.filedPrefix(value) + Array(row.utf8), value: [1])
            try add(1, to: value, in: txn)
            try txn.put(database, key: reverse, value: Array(value.utf8))
        } else {
            try txn.delete(database, key: reverse)
        }
    }

    private func add(_ delta: Int, to value: String, in txn: WriteTransaction) throws {
        let key = Self.countKey(value)
        let count = Int(try txn.get(database, key: key).map { BigEndian.uint64($0) } ?? 0) + delta
        if count > 0 { try txn.put(database, key: key, value: BigEndian.bytes(UInt64(count))) } else { try txn.delete(database, key: key) }
    }

    /// How many rows are filed under `value`.
    func count(_ value: String, in txn: Transaction) throws -> Int {
        Int(try txn.get(database, key: Self.countKey(value)).map { BigEndian.uint64($0) } ?? 0)
    }

    /// Rows filed under `value`, in key order, skipping `offset` and returning at most `limit`.
    func rows(_ value: String, offset: Int, limit: Int, in txn: Transaction) throws -> [String] {
        let prefix = Self.filedPrefix(value)
        return try txn.withCursor(database) { cursor in
            var rows: [String] = []
            var skipped = 0
            var entry = try cursor.seek(atOrAfter: prefix)
            while let (key, _) = entry, key.starts(with: prefix), rows.count < limit {
                if skipped < offset {
                    skipped += 1
                } else {
                    rows.append(String(decoding: key.dropFirst(prefix.count), as: UTF8.self))
                }
                entry = try cursor.next()
            }
            return rows
        }
    }

    /// Every value with at least one row filed under it, and how many.
    func counts(in txn: Transaction) throws -> [String: Int] {
        try txn.withCursor(database) { cursor in
            var counts: [String: Int] = [:]
            var entry = try cursor.seek(atOrAfter: [UInt8(ascii: "c")])
            while let (key, value) = entry, key.first == UInt8(ascii: "c") {
                counts[String(decoding: key.dropFirst(), as: UTF8.self)] = Int(BigEndian.uint64(value))
                entry = try cursor.next()
            }
            return counts
        }
    }
}
