/// One fact of the settlement, membership or election domain, named in the past tense.
///
/// The payload carries only the fact. Who recorded it, when it happened versus when it was
/// recorded, and which request caused it are envelope metadata kept by the event store
/// (`ProposedEvent` / `RecordedEvent`), never duplicated here.
public protocol DomainEvent: Codable, Sendable, Equatable {
    /// The stable name stored in the log, e.g. `ServiceDelivered`. Never reused or renamed.
    static var eventType: String { get }
    /// The current shape of the payload; bumped on every incompatible change, with an
    /// ``Upcaster`` from the previous version.
    static var schemaVersion: UInt16 { get }
    /// One sentence for the event catalogue.
    static var summary: String { get }
    /// Upcasters from each older version to the next, oldest first; empty at version 1.
    static var upcasters: [Upcaster] { get }
    /// A complete, valid instance with every optional field filled, for the catalogue and for
    /// round-trip tests.
    static var example: Self { get }
    /// The stream this event belongs in (see ``StreamID``).
    var streamId: String { get }
}

extension DomainEvent {
    public static var upcasters: [Upcaster] { [] }

    /// The event's type name, from an instance (also through `any DomainEvent`).
    public var eventType: String { Self.eventType }

    /// The event's current schema version, from an instance.
    public var schemaVersion: UInt16 { Self.schemaVersion }

    /// True when `other` is an event of the same type with equal fields.
    public func isEqual(to other: any DomainEvent) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }
}
