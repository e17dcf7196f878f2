/// A settlement service was delivered to a client.
/// 
/// Version 2 records `minutes`; version 1 recorded `hours` and is upcast on read.
public struct ServiceDelivered: DomainEvent {
    public static let eventType = "ServiceDelivered"
    public static let schemaVersion: UInt16 = 3
    public static let summary = "A settlement service was delivered to a client (v2: minutes; v1 had hours; v3: the note may be sealed)."

    /// The client served.
    public let clientId: ClientID
    /// Identifies the service within the client's stream.
    public let serviceId: ServiceID
    /// The IRCC service component.
    public let component: ServiceComponent
    /// The day it was delivered: not before intake, not in the future.
    public let deliveredOn: CalendarDate
    /// Time spent, 1 to 1440.
    public let minutes: Int
    /// In person, by phone or online.
    public let mode: ContactMode
    /// Language of service as an ISO 639 code.
    public let language: String
    /// True when an interpreter took part.
    public let interpreterUsed: Bool
    /// The worker who delivered it.
    public let workerId: UserID
    /// The funder contract it is reported under; it must fund the component and cover the day.
    public let contractId: ContractID?
    /// What came of it.
    public let outcome: ServiceOutcome
    /// The worker's note (personal data).
    public let note: FreeText?

    /// A ServiceDelivered with every field given.
    public init(
        clientId: ClientID,
        serviceId: ServiceID,
        component: ServiceComponent,
        deliveredOn: CalendarDate,
        minutes: Int,
        mode: ContactMode,
        language: String,
        interpreterUsed: Bool,
        workerId: UserID,
        contractId: ContractID? = nil,
        outcome: ServiceOutcome,
        note: FreeText? = nil
    ) {
        self.clientId = clientId
        self.serviceId = serviceId
        self.component = component
        self.deliveredOn = deliveredOn
        self.minutes = minutes
        self.mode = mode
        self.language = language
        self.interpreterUsed = interpreterUsed
        self.workerId = workerId
        self.contractId = contractId
        self.outcome = outcome
        self.note = note
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: ServiceDelivered {
        ServiceDelivered(
            clientId: ClientID("c-0001"), serviceId: ServiceID("s-1"), component: .informationAndOrientation,
            deliveredOn: .example("2025-03-05"), minutes: 90, mode: .inPerson, language: "ar", interpreterUsed: true,
            workerId: UserID("u-worker"), contractId: ContractID("k-ircc-2025"), outcome: .completed,
            note: "Banking and transit orientation")
    }

    /// v1 recorded `hours` as a Double; v2 records whole `minutes`, which is what IRCC reports
    /// count and what cannot drift through rounding when summed. Rounded to the nearest minute.
    public static let upcasters = [
        Upcaster(from: 1, change: "hours (Double) became minutes (Int), rounded to the nearest minute") { payload in
            guard let hours = payload.removeValue(forKey: "hours")?.number else {
                throw UpcastProblem(field: "hours", problem: "is missing or not a number in a v1 payload")
            }
            guard hours.isFinite, hours >= 0, hours <= 24 else {
                throw UpcastProblem(field: "hours", problem: "is \(hours), outside 0...24")
            }
            payload["minutes"] = .int(Int64((hours * 60).rounded()))
        },
        Upcaster.personalFieldsSealable(from: 2),
    ]
}
