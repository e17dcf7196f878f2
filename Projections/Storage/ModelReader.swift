import Foundation
import LMDB

/// Reads one projection version's facts inside a transaction (a read snapshot, or the write
/// transaction applying a batch, which sees its own writes).
struct ModelReader<P: FactProjection> {
    let txn: Transaction
    let databases: ModelDatabases

    /// A row's facts in log order (empty when it has none).
    func entries(_ row: RowKey) throws -> [FactEntry<P.Fact>] {
        var entries: [FactEntry<P.Fact>] = []
        try forEachEntry(prefix: FactKey.rowPrefix(row)) { _, entry in entries.append(entry) }
        return entries
    }

    /// Whether a fact is stored at `row`, `position` and `placement` (nothing is decoded).
    func hasFact(_ row: RowKey, position: UInt64, placement: Int) throws -> Bool {
        try txn.get(databases.facts, key: FactKey.key(row, position: position, placement: placement)) != nil
    }

    /// Every row of `table` whose key starts with `keyPrefix`, in key order, each with its
    /// facts; `body` returns false to stop.
    func forEachRow(table: String, keyPrefix: String = "", _ body: (RowKey, [FactEntry<P.Fact>]) throws -> Bool) throws {
        var current: RowKey?
        var entries: [FactEntry<P.Fact>] = []
        var stopped = false
        try forEachFact(prefix: FactKey.tablePrefix(table) + Array(keyPrefix.utf8)) { row, entry in
            if row != current {
                if let current, !entries.isEmpty, try !body(current, entries) {
                    stopped = true
                    return false
                }
                current = row
                entries.removeAll(keepingCapacity: true)
            }
            entries.append(entry)
            return true
        }
        if !stopped, let current, !entries.isEmpty { _ = try body(current, entries) }
    }

    /// Every row of every table.
    func allRows() throws -> [RowKey: [FactEntry<P.Fact>]] {
        var rows: [RowKey: [FactEntry<P.Fact>]] = [:]
        try forEachFact(prefix: []) { row, entry in
            rows[row, default: []].append(entry)
            return true
        }
        return rows
    }

    /// Counts of rows and facts per table, without decoding facts.
    func tableCounts() throws -> [String: (rows: Int, facts: Int)] {
        var counts: [String: (rows: Int, facts: Int)] = [:]
        var previous: RowKey?
        try txn.withCursor(databases.facts) { cursor in
            var entry = try cursor.first()
            while let (key, _) = entry {
                guard let parsed = FactKey.parse(key) else { throw corrupt(key, "its key is not table␟row␟position") }
                counts[parsed.row.table, default: (0, 0)].facts += 1
                if parsed.row != previous { counts[parsed.row.table, default: (0, 0)].rows += 1 }
                previous = parsed.row
                entry = try cursor.next()
            }
        }
        return counts
    }

    /// Calls `body` with each fact whose key starts with `prefix`, in key order.
    private func forEachFact(prefix: [UInt8], _ body: (RowKey, FactEntry<P.Fact>) throws -> Bool) throws {
        try txn.withCursor(databases.facts) { cursor in
            var entry = prefix.isEmpty ? try cursor.first() : try cursor.seek(atOrAfter: prefix)
            while let (key, value) = entry, key.starts(with: prefix) {
                guard let parsed = FactKey.parse(key) else { throw corrupt(key, "its key is not table␟row␟position") }
                guard try body(parsed.row, try decode(key: key, value: value, position: parsed.position)) else { return }
                entry = try cursor.next()
            }
        }
    }

    private func forEachEntry(prefix: [UInt8], _ body: (UnsafeRawBufferPointer, FactEntry<P.Fact>) throws -> Void) throws {
        try txn.withCursor(databases.facts) { cursor in
            var entry = try cursor.seek(atOrAfter: prefix)
            while let (key, value) = entry, key.starts(with: prefix) {
                guard key.count >= prefix.count + FactKey.suffixBytes else { throw corrupt(key, "its key has no position") }
                try body(key, try decode(key: key, value: value, position: FactKey.position(key)))
                entry = try cursor.next()
            }
        }
    }

    func decode(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, position: UInt64) throws -> FactEntry<P.Fact> {
        try Self.decode(key: key, value: value, position: position)
    }

    /// A stored fact's entry from its key, value and position (no transaction needed).
    static func decode(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, position: UInt64) throws -> FactEntry<P.Fact> {
        do throws(ByteReaderError) {
            var reader = ByteReader(value)
            let header = try FactValue.header(&reader)
            let fact = try P.decode(from: &reader)
            guard reader.isAtEnd else { throw reader.invalid("trailing bytes after the fact") }
            return FactEntry(eventId: header.eventId, position: position, correctedAt: header.correctedAt, fact: fact)
        } catch {
            throw corrupt(key, error.detail)
        }
    }

    func corrupt(_ key: UnsafeRawBufferPointer, _ detail: String) -> ProjectionError { Self.corrupt(key, detail) }

    static func corrupt(_ key: UnsafeRawBufferPointer, _ detail: String) -> ProjectionError {
        let shown = String(decoding: key.prefix(max(0, key.count - FactKey.suffixBytes - 1)), as: UTF8.self)
            .replacingOccurrences(of: "\u{1F}", with: "/")
        let position = key.count > FactKey.suffixBytes ? " at position \(FactKey.position(key))" : ""
        return .corruptRow(projection: P.name, detail: "fact \(shown)\(position): \(detail)")
    }
}
