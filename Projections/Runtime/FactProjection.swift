public import Events
public import Foundation

/// Where a fact lands: one row of a projection's read model, named by table and key.
public struct RowKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The table (a kind of record: `client`, `referral`, `month`…).
    public let table: String
    /// The record's key within the table.
    public let key: String

    /// A row key.
    public init(_ table: String, _ key: String) {
        self.table = table
        self.key = key
    }

    /// Unit separator: it never appears in ids, so `table␟key` splits unambiguously.
    static let separator: UInt8 = 0x1F

    var storageKey: [UInt8] { Array(table.utf8) + [Self.separator] + Array(key.utf8) }

    init?(storageKey bytes: UnsafeRawBufferPointer) {
        guard let split = bytes.firstIndex(of: Self.separator) else { return nil }
        table = String(decoding: bytes[..<split], as: UTF8.self)
        key = String(decoding: bytes[(split + 1)...], as: UTF8.self)
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

    /// The positions behind this fact: the original and, when corrected, the correction.
    public var positions: [UInt64] { correctedAt.map { [position, $0] } ?? [position] }
}

/// A projection written as "where does each event's fact go": the runtime keeps each row's
/// facts in log order and applies corrections (replace the fact) and voids (remove it)
/// wherever the original landed, so every read model shows corrected figures the same way.
public protocol FactProjection: Sendable {
    /// What a row keeps of an event.
    associatedtype Fact: Codable & Sendable & Equatable
    /// In-memory indexes computed from rows (never persisted: rebuilt when rows load).
    associatedtype Derived: Sendable

    /// The projection's name (its databases are `name@version`).
    static var name: String { get }
    /// Event types whose payloads this projection reads.
    static var payloadTypes: Set<String> { get }
    /// Indexes before any row exists.
    static var emptyDerived: Derived { get }
    /// Where `event`'s facts go (none for events the projection ignores).
    static func placements(of event: ProjectionEvent) -> [(RowKey, Fact)]
    /// Updates `derived` after `key`'s row changed (`entries` nil when the row was emptied).
    static func derive(_ key: RowKey, entries: [FactEntry<Fact>]?, into derived: inout Derived)
    /// False for projections that record corrections as events in their own right (the audit
    /// index) rather than replacing the facts they correct.
    static var appliesCorrections: Bool { get }
}

extension FactProjection {
    /// Most read models show facts as corrected.
    public static var appliesCorrections: Bool { true }
}
