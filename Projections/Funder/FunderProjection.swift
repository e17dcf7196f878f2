public import Events
import Foundation

/// The facts funder reports are computed from. Rows: `client/<id>` (profile at intake, later
/// details, and every service the client received), `services/<contract>|<yyyy-mm>` (services
/// delivered under a contract in a month; `none` for services under no contract),
/// `referrals/<yyyy-mm>` (referrals made), `referral/<id>` (outcomes), `partner/<id>` (funding
/// type), `contract/<id>` (its terms). Kept from the `client` rows at the end of each batch
/// (see `FunderProjection+Aggregates.swift`): `days/<contract>|<yyyy-mm>` (per day of the
/// month, the service figures) and `clients/<contract>|<yyyy-mm>|<client>` (the days a client
/// was served that month, with what their figures need), so a report reads O(days + clients).
public enum FunderProjection: FactProjection {
    /// What the funder report keeps of an event.
    public enum Fact: Codable, Sendable, Equatable {
        case client(ClientFacts)
        case dateOfBirth(CalendarDate)
        /// The client's later decision on sharing with the funder (`client/<id>`).
        case funderSharing(Bool)
        case service(ServiceFacts)
        case referral(ReferralFacts)
        case outcome(ReferralStage)
        case partner(funding: PartnerFunding, francophone: Bool, name: String)
        case contract(funder: String, program: String, agreementNumber: String, startsOn: CalendarDate, endsOn: CalendarDate)
        /// A service in its client's row (`client/<id>`), so the client's aggregates can be
        /// recomputed from that one row when a service or the client's details change.
        case served(ServedFacts)
        /// The service figures of one day (`days/<contract>|<yyyy-mm>`, slot = day of month),
        /// by figure name; figures at zero are left out.
        case dayTotals([String: Int])
        /// A client served under a contract in a month (`clients/<contract>|<yyyy-mm>|<client>`).
        case clientMonth(ClientMonth)
    }

    public static let name = "funder"
    public static let payloadTypes: Set<String> = [
        ClientRegistered.eventType, ClientDetailsUpdated.eventType, ConsentRecorded.eventType, ServiceDelivered.eventType, ReferralMade.eventType,
        ReferralAccepted.eventType, ReferralDeclined.eventType, ReferralCompleted.eventType, ReferralCancelled.eventType,
        PartnerRegistered.eventType, PartnerUpdated.eventType, FunderContractSigned.eventType, EventCorrected.eventType,
        EventVoided.eventType,
    ]

    /// The services row of a contract (nil: none) in the month of `date`.
    public static func servicesRow(contract: String?, month date: CalendarDate) -> RowKey {
        RowKey("services", "\(contract ?? "none")|\(monthKey(date))")
    }

    /// The row of a contract's (nil: none) service figures per day of the month of `date`.
    public static func daysRow(contract: String?, month date: CalendarDate) -> RowKey {
        RowKey("days", "\(contract ?? "none")|\(monthKey(date))")
    }

    /// The key prefix of the `clients` rows of a contract (nil: none) in the month of `date`.
    static func clientsPrefix(contract: String?, month date: CalendarDate) -> String {
        "\(contract ?? "none")|\(monthKey(date))|"
    }

    /// `yyyy-mm` (a calendar date's year has four digits). Digit by digit: `String(format:)`
    /// here was 7 % of a rebuild's samples.
    static func monthKey(_ date: CalendarDate) -> String {
        String(unsafeUninitializedCapacity: 7) { buffer in
            var year = date.year
            for index in stride(from: 3, through: 0, by: -1) {
                buffer[index] = UInt8(ascii: "0") + UInt8(year % 10)
                year /= 10
            }
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = UInt8(ascii: "0") + UInt8(date.month / 10)
            buffer[6] = UInt8(ascii: "0") + UInt8(date.month % 10)
            return 7
        }
    }

    /// Services come first: they are a third of the log, and each type asked costs a compare.
    public static func placements(of event: ProjectionEvent) -> [(RowKey, Fact)] {
        if let e = event.payload(ServiceDelivered.self) {
            return [
                (servicesRow(contract: e.contractId?.rawValue, month: e.deliveredOn), .service(ServiceFacts(e))),
                (RowKey("client", e.clientId.rawValue), .served(ServedFacts(e))),
            ]
        }
        if let e = event.payload(ReferralMade.self) { return [(RowKey("referrals", monthKey(e.madeOn)), .referral(ReferralFacts(e)))] }
        if let placement = referralOutcome(of: event) { return [placement] }
        return clientPlacements(of: event) ?? partnerPlacements(of: event) ?? []
    }

    private static func referralOutcome(of event: ProjectionEvent) -> (RowKey, Fact)? {
        func outcome(_ id: ReferralID, _ stage: ReferralStage) -> (RowKey, Fact) { (RowKey("referral", id.rawValue), .outcome(stage)) }
        if let e = event.payload(ReferralAccepted.self) { return outcome(e.referralId, .accepted) }
        if let e = event.payload(ReferralDeclined.self) { return outcome(e.referralId, .declined) }
        if let e = event.payload(ReferralCompleted.self) { return outcome(e.referralId, .completed) }
        if let e = event.payload(ReferralCancelled.self) { return outcome(e.referralId, .cancelled) }
        return nil
    }

    private static func clientPlacements(of event: ProjectionEvent) -> [(RowKey, Fact)]? {
        if let e = event.payload(ClientRegistered.self) { return [(RowKey("client", e.clientId.rawValue), .client(ClientFacts(e)))] }
        if let e = event.payload(ClientDetailsUpdated.self) {
            // Sealed details (the projections hold no keys) leave the intake age band in force.
            guard let personal = e.personal.value else { return [] }
            return [(RowKey("client", e.clientId.rawValue), .dateOfBirth(personal.dateOfBirth))]
        }
        if let e = event.payload(ConsentRecorded.self) {
            guard e.kind == .shareWithFunder else { return [] }
            return [(RowKey("client", e.clientId.rawValue), .funderSharing(e.decision.granted))]
        }
        return nil
    }

    private static func partnerPlacements(of event: ProjectionEvent) -> [(RowKey, Fact)]? {
        if let e = event.payload(PartnerRegistered.self) {
            return [(RowKey("partner", e.partnerId.rawValue), .partner(funding: e.funding, francophone: e.francophone, name: e.name))]
        }
        if let e = event.payload(PartnerUpdated.self) {
            return [(RowKey("partner", e.partnerId.rawValue), .partner(funding: e.funding, francophone: e.francophone, name: e.name))]
        }
        if let e = event.payload(FunderContractSigned.self) {
            return [
                (
                    RowKey("contract", e.contractId.rawValue),
                    .contract(funder: e.funder, program: e.program, agreementNumber: e.agreementNumber, startsOn: e.startsOn, endsOn: e.endsOn)
                )
            ]
        }
        return nil
    }
}

/// What the funder report needs of a client's intake.
public struct ClientFacts: Codable, Sendable, Equatable {
    /// Registered without identifying details (privacy statement refused): counted apart.
    public let anonymous: Bool
    /// Date of birth, for named clients.
    public let dateOfBirth: CalendarDate?
    /// The age band given at intake (used when there is no date of birth).
    public let ageBand: AgeBand
    /// Gender.
    public let gender: Gender
    /// Immigration category.
    public let immigrationCategory: ImmigrationCategory
    /// Preferred official language.
    public let preferredOfficialLanguage: OfficialLanguage
    /// French is the preferred official language or among the languages spoken.
    public let francophone: Bool
    /// The client consented to share their identity with the funder (the funder export omits
    /// the id of anyone who did not; they are still counted).
    public let sharedWithFunder: Bool

    init(
        anonymous: Bool, dateOfBirth: CalendarDate?, ageBand: AgeBand, gender: Gender, immigrationCategory: ImmigrationCategory,
        preferredOfficialLanguage: OfficialLanguage, francophone: Bool, sharedWithFunder: Bool
    ) {
        self.anonymous = anonymous
        self.dateOfBirth = dateOfBirth
        self.ageBand = ageBand
        self.gender = gender
        self.immigrationCategory = immigrationCategory
        self.preferredOfficialLanguage = preferredOfficialLanguage
        self.francophone = francophone
        self.sharedWithFunder = sharedWithFunder
    }

    init(_ event: ClientRegistered) {
        anonymous = event.personal == nil
        dateOfBirth = event.personal?.value?.dateOfBirth
        ageBand = event.profile.ageBand
        gender = event.profile.gender
        immigrationCategory = event.profile.immigrationCategory
        preferredOfficialLanguage = event.profile.preferredOfficialLanguage
        francophone = event.profile.preferredOfficialLanguage == .french
            || event.profile.languagesSpoken.contains { ["fr", "french", "français"].contains($0.lowercased()) }
        sharedWithFunder = event.consents[.shareWithFunder].granted
    }
}

/// What the funder report needs of a service.
public struct ServiceFacts: Codable, Sendable, Equatable {
    /// The client served.
    public let clientId: String
    /// The service's id.
    public let serviceId: String
    /// The component.
    public let component: ServiceComponent
    /// The date delivered.
    public let deliveredOn: CalendarDate
    /// Minutes.
    public let minutes: Int
    /// In person, phone, online.
    public let mode: ContactMode
    /// The worker.
    public let workerId: String
    /// Outcome.
    public let outcome: ServiceOutcome

    init(
        clientId: String, serviceId: String, component: ServiceComponent, deliveredOn: CalendarDate, minutes: Int, mode: ContactMode,
        workerId: String, outcome: ServiceOutcome
    ) {
        self.clientId = clientId
        self.serviceId = serviceId
        self.component = component
        self.deliveredOn = deliveredOn
        self.minutes = minutes
        self.mode = mode
        self.workerId = workerId
        self.outcome = outcome
    }

    init(_ event: ServiceDelivered) {
        clientId = event.clientId.rawValue
        serviceId = event.serviceId.rawValue
        component = event.component
        deliveredOn = event.deliveredOn
        minutes = event.minutes
        mode = event.mode
        workerId = event.workerId.rawValue
        outcome = event.outcome
    }
}

/// What a client's row keeps of each of their services.
public struct ServedFacts: Codable, Sendable, Equatable {
    /// The contract it was delivered under (nil: none).
    public let contract: String?
    /// The date delivered.
    public let deliveredOn: CalendarDate
    /// The component.
    public let component: ServiceComponent
    /// Minutes.
    public let minutes: Int
    /// In person, phone, online.
    public let mode: ContactMode

    init(contract: String?, deliveredOn: CalendarDate, component: ServiceComponent, minutes: Int, mode: ContactMode) {
        self.contract = contract
        self.deliveredOn = deliveredOn
        self.component = component
        self.minutes = minutes
        self.mode = mode
    }

    init(_ event: ServiceDelivered) {
        self.init(contract: event.contractId?.rawValue, deliveredOn: event.deliveredOn, component: event.component, minutes: event.minutes, mode: event.mode)
    }
}

/// What the funder report keeps of a client served under a contract in one month.
public struct ClientMonth: Codable, Sendable, Equatable {
    /// Bit `d - 1` is set when the client had a service on day `d` of the month.
    public let daysServed: UInt32
    /// The client's first service under the contract in the fiscal year holding this month.
    public let firstInFiscalYear: CalendarDate
    /// The client's details (nil when the log holds no registration: counted as anonymous).
    public let client: ClientFacts?

    init(daysServed: UInt32, firstInFiscalYear: CalendarDate, client: ClientFacts?) {
        self.daysServed = daysServed
        self.firstInFiscalYear = firstInFiscalYear
        self.client = client
    }

    /// The first day served in `month` that lies in `period`, if any.
    func firstDay(of month: CalendarDate, in period: ReportPeriod) -> CalendarDate? {
        var days = daysServed
        while days != 0 {
            let date = CalendarDate(year: month.year, month: month.month, day: days.trailingZeroBitCount + 1)!
            if period.contains(date) { return date }
            days &= days - 1
        }
        return nil
    }
}

/// What the funder report needs of a referral.
public struct ReferralFacts: Codable, Sendable, Equatable {
    /// The referral.
    public let referralId: String
    /// The client referred.
    public let clientId: String
    /// When.
    public let madeOn: CalendarDate
    /// The partner, for external referrals.
    public let partnerId: String?
    /// The need it addresses.
    public let needDomain: NeedDomain

    init(referralId: String, clientId: String, madeOn: CalendarDate, partnerId: String?, needDomain: NeedDomain) {
        self.referralId = referralId
        self.clientId = clientId
        self.madeOn = madeOn
        self.partnerId = partnerId
        self.needDomain = needDomain
    }

    init(_ event: ReferralMade) {
        referralId = event.referralId.rawValue
        clientId = event.clientId.rawValue
        madeOn = event.madeOn
        partnerId = event.target.partnerId?.rawValue
        needDomain = event.needDomain
    }
}
