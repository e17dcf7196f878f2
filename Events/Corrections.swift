public import Foundation

/// A recorded fact was wrong and is replaced. Nothing in the log is rewritten: this later event,
/// in the original's stream, names the original and carries a full replacement payload of the
/// original's type at its current schema version. Folds and projections use the latest
/// correction in place of the original; the audit trail shows both.
public struct EventCorrected: DomainEvent {
    public static let eventType = "EventCorrected"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "A recorded fact was replaced by a corrected payload, with a reason."

    /// The stream of the original event, where this event is also appended.
    public let stream: String
    /// The event corrected.
    public let originalEventId: UUID
    /// Its event type; the replacement has the same type.
    public let originalEventType: String
    /// Why it was wrong (personal data: may describe the client).
    public let reason: FreeText
    /// The schema version the replacement was written at, so it is upcast like any payload.
    public let replacementSchemaVersion: UInt16
    /// The corrected payload, of `originalEventType` at `replacementSchemaVersion`.
    public let replacement: JSONValue

    /// A EventCorrected with every field given.
    public init(
        stream: String,
        originalEventId: UUID,
        originalEventType: String,
        reason: FreeText,
        replacementSchemaVersion: UInt16,
        replacement: JSONValue
    ) {
        self.stream = stream
        self.originalEventId = originalEventId
        self.originalEventType = originalEventType
        self.reason = reason
        self.replacementSchemaVersion = replacementSchemaVersion
        self.replacement = replacement
    }

    public var streamId: String { stream }

    public static var example: EventCorrected {
        EventCorrected(
            stream: "client-c-0001", originalEventId: UUID(uuidString: "0195a1b2-0000-7000-8000-000000000001")!,
            originalEventType: ServiceDelivered.eventType, reason: "Minutes mistyped",
            replacementSchemaVersion: ServiceDelivered.schemaVersion,
            replacement: try! EventCoding.jsonValue(of: ServiceDelivered.example))
    }
}

/// A recorded fact should never have been recorded (wrong client, duplicate entry). Folds and
/// projections ignore the original from now on; a voided event cannot be voided again or corrected.
public struct EventVoided: DomainEvent {
    public static let eventType = "EventVoided"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "A recorded fact was voided, with a reason."

    /// The stream of the original event, where this event is also appended.
    public let stream: String
    /// The event voided.
    public let originalEventId: UUID
    /// Its event type.
    public let originalEventType: String
    /// Why (personal data: may describe the client).
    public let reason: FreeText

    /// A EventVoided with every field given.
    public init(stream: String, originalEventId: UUID, originalEventType: String, reason: FreeText) {
        self.stream = stream
        self.originalEventId = originalEventId
        self.originalEventType = originalEventType
        self.reason = reason
    }

    public var streamId: String { stream }

    public static var example: EventVoided {
        EventVoided(
            stream: "client-c-0001", originalEventId: UUID(uuidString: "0195a1b2-0000-7000-8000-000000000001")!,
            originalEventType: ServiceDelivered.eventType, reason: "Entered on the wrong client")
    }
}
