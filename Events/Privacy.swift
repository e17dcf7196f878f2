/// Why a data subject's personal data was erased.
public enum ErasureGround: String, CodedValue {
    /// The person asked (BC PIPA / a privacy request).
    case privacyRequest
    /// The retention rule made the record due.
    case retentionDue
}

/// A client's personal data was erased by destroying their data keys (crypto-shredding). Every
/// sealed field of the client's streams is unreadable from then on; the non-personal facts stay,
/// so reports keep counting the client anonymously. The administrator who erased is the
/// envelope's actor; nothing here may be personal, since it must stay readable.
public struct PersonalDataErased: DomainEvent {
    public static let eventType = "PersonalDataErased"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A client's personal data was erased by destroying their data keys."

    /// The client.
    public let clientId: ClientID
    /// The day it was erased.
    public let erasedOn: CalendarDate
    /// Why.
    public let ground: ErasureGround
    /// The request's reference (e.g. a ticket number), never personal.
    public let reference: String

    /// A PersonalDataErased with every field given.
    public init(clientId: ClientID, erasedOn: CalendarDate, ground: ErasureGround, reference: String) {
        self.clientId = clientId
        self.erasedOn = erasedOn
        self.ground = ground
        self.reference = reference
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: PersonalDataErased {
        PersonalDataErased(clientId: ClientID("c-0001"), erasedOn: .example("2032-10-01"), ground: .privacyRequest, reference: "PR-2032-014")
    }
}

/// A legal hold was placed on a client's records: while it stands, they cannot be erased.
public struct LegalHoldPlaced: DomainEvent {
    public static let eventType = "LegalHoldPlaced"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A legal hold was placed on a client's records; erasure is blocked until it is released."

    /// The client.
    public let clientId: ClientID
    /// Names the hold, unique per client (e.g. `ircc-2025-contract`).
    public let holdId: String
    /// Why, e.g. "IRCC contract 2025-28 retention until 2031-03-31"; never personal.
    public let reason: String
    /// The day it was placed.
    public let placedOn: CalendarDate

    /// A LegalHoldPlaced with every field given.
    public init(clientId: ClientID, holdId: String, reason: String, placedOn: CalendarDate) {
        self.clientId = clientId
        self.holdId = holdId
        self.reason = reason
        self.placedOn = placedOn
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: LegalHoldPlaced {
        LegalHoldPlaced(
            clientId: ClientID("c-0001"), holdId: "ircc-contract", reason: "IRCC contract retention until 2031-03-31",
            placedOn: .example("2026-01-05"))
    }
}

/// A legal hold on a client's records was released.
public struct LegalHoldReleased: DomainEvent {
    public static let eventType = "LegalHoldReleased"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A legal hold on a client's records was released."

    /// The client.
    public let clientId: ClientID
    /// The hold released.
    public let holdId: String
    /// The day it was released.
    public let releasedOn: CalendarDate

    /// A LegalHoldReleased with every field given.
    public init(clientId: ClientID, holdId: String, releasedOn: CalendarDate) {
        self.clientId = clientId
        self.holdId = holdId
        self.releasedOn = releasedOn
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: LegalHoldReleased {
        LegalHoldReleased(clientId: ClientID("c-0001"), holdId: "ircc-contract", releasedOn: .example("2031-04-01"))
    }
}
