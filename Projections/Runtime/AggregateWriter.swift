import Foundation
import LMDB

/// A row of a projection's ``FactProjection/aggregatedTable`` changed by a batch: its facts
/// as they were before the batch's first change to it and as they are after the batch.
public struct RowChange<Fact: Codable & Sendable & Equatable>: Sendable {
    /// The row.
    public let row: RowKey
    /// Its facts before the batch (empty for a new row).
    public let before: [FactEntry<Fact>]
    /// Its facts after the batch (empty when every fact was voided).
    public let after: [FactEntry<Fact>]
}

/// Where a projection keeps aggregates derived from its facts: ordinary fact entries in the
/// projection's own rows, keyed by a number the projection chooses (a day of the month, 0)
/// instead of a log position, written by no event (their event id is all zeros), so they are
/// read, compared and rebuilt exactly like the facts, inside the batch's write transaction —
/// or, for a model built in memory, gathered beside its sorted facts and written with them.
public struct AggregateWriter<P: FactProjection> {
    private enum Target {
        case transaction(WriteTransaction, ModelDatabases)
        /// The sorted facts of a model built in memory: what a read finds unless changed here.
        case memory(SortedPuts)
    }

    private let target: Target
    private var value = ByteWriter(capacity: 256)
    /// For a model built in memory: the aggregates put, in the order put.
    private var puts = SortedPuts()
    /// For a model built in memory: the number of the put under each key put or removed
    /// (``removedPut`` once removed).
    private var latest: [StoredKey: Int] = [:]
    private static var removedPut: Int { -1 }

    /// For a model built in memory: the tables read or written, so the builder can check
    /// the facts it was given held everything those tables hold.
    private var tables: Set<String> = []
    private var lastTable: String?

    /// A key hashed as one run of bytes: an array of bytes hashes byte by byte, which made
    /// this dictionary a tenth of the funder model's aggregate fold.
    private struct StoredKey: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    init(txn: WriteTransaction, databases: ModelDatabases) { target = .transaction(txn, databases) }

    /// Aggregates of a model built in memory whose facts are `facts` (sorted).
    init(inMemoryOver facts: SortedPuts) { target = .memory(facts) }

    /// The aggregate stored in `row` under `slot`, if any.
    public mutating func fact(_ row: RowKey, slot: UInt64) throws -> P.Fact? {
        let key = FactKey.key(row, position: slot, placement: 0)
        switch target {
        case .transaction(let txn, let databases):
            guard let stored = try txn.get(databases.facts, key: key) else { return nil }
            return try Self.decode(key: key, value: stored, slot: slot)
        case .memory(let facts):
            note(row.table)
            if let number = latest[StoredKey(bytes: key)] {
                guard number != Self.removedPut else { return nil }
                return try puts.withPut(number) { _, value in try Self.decode(key: key, value: value, slot: slot) }
            }
            guard let put = facts.sortedPut(withKey: key) else { return nil }
            return try facts.withPut(put) { _, value in try Self.decode(key: key, value: value, slot: slot) }
        }
    }

    /// Stores `fact` as the aggregate of `row` under `slot`, replacing what was there.
    public mutating func put(_ fact: P.Fact, in row: RowKey, slot: UInt64) throws {
        value.removeAll()
        FactValue.write(eventId: Self.noEvent, correctedAt: nil, to: &value)
        P.encode(fact, to: &value)
        let key = FactKey.key(row, position: slot, placement: 0)
        switch target {
        case .transaction(let txn, let databases): try txn.put(databases.facts, key: key, value: value.bytes)
        case .memory:
            note(row.table)
            let number = puts.add(key: key, value: value.bytes)
            replace(StoredKey(bytes: key), with: number)
        }
    }

    /// Removes the aggregate of `row` under `slot` (nothing when there is none).
    public mutating func delete(_ row: RowKey, slot: UInt64) throws {
        let key = FactKey.key(row, position: slot, placement: 0)
        switch target {
        case .transaction(let txn, let databases): _ = try txn.delete(databases.facts, key: key)
        case .memory:
            note(row.table)
            replace(StoredKey(bytes: key), with: Self.removedPut)
        }
    }

    /// Remembers a table the in-memory aggregates touched (consecutive calls mostly name the
    /// same one, so the set is seldom asked).
    private mutating func note(_ table: String) {
        guard table != lastTable else { return }
        lastTable = table
        tables.insert(table)
    }

    /// Makes `number` the latest put under `key`, taking back the one it replaces.
    private mutating func replace(_ key: StoredKey, with number: Int) {
        if let replaced = latest.updateValue(number, forKey: key), replaced != Self.removedPut { puts.remove(replaced) }
    }

    /// For a model built in memory: the aggregates put, sorted, to be written with the facts;
    /// the keys of those removed (the facts hold them only if an event placed them); and the
    /// tables read or written.
    func gathered() -> InMemoryAggregates {
        var sorted = puts
        sorted.sort()
        let removed = latest.compactMap { key, number in number == Self.removedPut ? key.bytes : nil }
        return InMemoryAggregates(puts: sorted, removed: removed, tables: tables)
    }

    private static func decode(key: [UInt8], value: UnsafeRawBufferPointer, slot: UInt64) throws -> P.Fact {
        try key.withUnsafeBytes { key in try ModelReader<P>.decode(key: key, value: value, position: slot).fact }
    }

    /// The id aggregates carry in place of an event's.
    static var noEvent: UUID { UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) }
}

/// What a model built in memory keeps of its aggregates until they are written.
struct InMemoryAggregates: Sendable {
    /// The aggregates put, sorted.
    let puts: SortedPuts
    /// The keys of aggregates removed.
    let removed: [[UInt8]]
    /// The tables the fold read or wrote.
    let tables: Set<String>
}
