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
/// read, compared and rebuilt exactly like the facts, inside the batch's write transaction.
public struct AggregateWriter<P: FactProjection> {
    let txn: WriteTransaction
    let databases: ModelDatabases
    private var value = ByteWriter(capacity: 256)

    init(txn: WriteTransaction, databases: ModelDatabases) {
        self.txn = txn
        self.databases = databases
    }

    /// The aggregate stored in `row` under `slot`, if any.
    public func fact(_ row: RowKey, slot: UInt64) throws -> P.Fact? {
        let key = FactKey.key(row, position: slot, placement: 0)
        guard let stored = try txn.get(databases.facts, key: key) else { return nil }
        return try key.withUnsafeBytes { key in
            try ModelReader<P>(txn: txn, databases: databases).decode(key: key, value: stored, position: slot).fact
        }
    }

    /// Stores `fact` as the aggregate of `row` under `slot`, replacing what was there.
    public mutating func put(_ fact: P.Fact, in row: RowKey, slot: UInt64) throws {
        value.removeAll()
        FactValue.write(eventId: Self.noEvent, correctedAt: nil, to: &value)
        P.encode(fact, to: &value)
        try txn.put(databases.facts, key: FactKey.key(row, position: slot, placement: 0), value: value.bytes)
    }

    /// Removes the aggregate of `row` under `slot` (nothing when there is none).
    public func delete(_ row: RowKey, slot: UInt64) throws {
        _ = try txn.delete(databases.facts, key: FactKey.key(row, position: slot, placement: 0))
    }

    /// The id aggregates carry in place of an event's.
    static var noEvent: UUID { UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) }
}
