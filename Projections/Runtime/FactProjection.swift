public import Foundation

/// Where a fact lands: one row of a projection's read model, named by table and key.
public struct RowKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The table (a kind of record: `client`, `referral`, `services`…).
    public let table: String
    /// The record's key within the table.
    public let key: String

    /// A row key.
    public init(_ table: String, _ key: String) {
        self.table = table
        self.key = key
    }

    public static func < (lhs: RowKey, rhs: RowKey) -> Bool { (lhs.table, lhs.key) < (rhs.table, rhs.key) }
    public var description: String { "\(table)/\(key)" }
}

/// One fact in a row: what a projection kept of an event, with where it came from, so every
/// figure can name the events behind it.
public struct FactEntry<Fact: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The original event's id.
    public let eventId: UUID
    /// The original event's position.
    public let position: UInt64
    /// The position of the latest correction that replaced it, if any.
    public let correctedAt: UInt64?
    /// What the projection kept.
    public let fact: Fact

    /// An entry with every field given.
    public init(eventId: UUID, position: UInt64, correctedAt: UInt64?, fact: Fact) {
        self.eventId = eventId
        self.position = position
        self.correctedAt = correctedAt
        self.fact = fact
    }

    /// The positions behind this fact: the original and, when corrected, the correction.
    public var positions: [UInt64] { correctedAt.map { [position, $0] } ?? [position] }
}

/// A projection written as "where does each event's fact go": the runtime stores each fact as
/// its own LMDB entry under its row (in log order) and applies corrections (replace the fact)
/// and voids (remove it) wherever the original landed, so every read model shows corrected
/// figures the same way.
public protocol FactProjection: Sendable {
    /// What a row keeps of an event.
    associatedtype Fact: Codable & Sendable & Equatable

    /// The projection's name (its databases are `name@version`).
    static var name: String { get }
    /// Event types whose payloads this projection reads.
    static var payloadTypes: Set<String> { get }
    /// Where `event`'s facts go (none for events the projection ignores).
    static func placements(of event: ProjectionEvent) -> [(RowKey, Fact)]
    /// False for projections that record corrections as events in their own right (the audit
    /// index) rather than replacing the facts they correct.
    static var appliesCorrections: Bool { get }
    /// True for projections that place facts for events whose payload they do not read (the
    /// audit index files every event); the others are skipped for every other event type.
    static var placesEveryEvent: Bool { get }

    /// Writes a fact in its stored binary form.
    static func encode(_ fact: Fact, to writer: inout ByteWriter)
    /// Reads a fact written by ``encode(_:to:)``.
    static func decode(from reader: inout ByteReader) throws(ByteReaderError) -> Fact

    /// The table whose rows are filed under a value in the projection's index (nil: no index).
    static var indexedTable: String? { get }
    /// Whether placing or removing `fact` can change its row's index value.
    static func affectsIndex(_ fact: Fact) -> Bool
    /// The value a row of ``indexedTable`` is filed under (nil: not filed).
    static func indexValue(of row: RowKey, entries: [FactEntry<Fact>]) -> String?

    /// The table whose rows feed aggregates the projection keeps beside its facts (nil: none).
    static var aggregatedTable: String? { get }
    /// Brings the aggregates up to date at the end of a batch, given every row of
    /// ``aggregatedTable`` the batch changed, with its facts before and after the batch.
    static func updateAggregates(_ changes: [RowChange<Fact>], in aggregates: inout AggregateWriter<Self>) throws
}

extension FactProjection {
    /// Most read models show facts as corrected.
    public static var appliesCorrections: Bool { true }
    /// Most read models only place the event types they read.
    public static var placesEveryEvent: Bool { false }
    /// Most read models need no index beyond their rows.
    public static var indexedTable: String? { nil }
    /// Without an index no fact affects one.
    public static func affectsIndex(_ fact: Fact) -> Bool { false }
    /// Without an index no row is filed.
    public static func indexValue(of row: RowKey, entries: [FactEntry<Fact>]) -> String? { nil }
    /// Most read models keep no aggregates.
    public static var aggregatedTable: String? { nil }
    /// Without aggregates there is nothing to update.
    public static func updateAggregates(_ changes: [RowChange<Fact>], in aggregates: inout AggregateWriter<Self>) throws {}
}
