import Casework
import Events
import Hummingbird

/// Partner agencies, funder contracts and the membership register's commands.
struct OrganisationAPI {
    let services: AppServices

    struct PartnerBody: Decodable {
        let partnerId: PartnerID?
        let name: String
        let funding: PartnerFunding
        let francophone: Bool
        let servicesOffered: [NeedDomain]
    }
    struct ContractBody: Decodable {
        let contractId: ContractID?
        let funder: String
        let program: String
        let agreementNumber: String
        let startsOn: CalendarDate
        let endsOn: CalendarDate
        let fundedComponents: [ServiceComponent]
        let targets: [ContractTarget]
    }
    struct AmendBody: Decodable { let endsOn: CalendarDate; let fundedComponents: [ServiceComponent]; let targets: [ContractTarget]; let reason: String }
    struct ApplyBody: Decodable {
        let memberId: MemberID?
        let kind: MembershipKind
        let appliedOn: CalendarDate?
        let details: MemberDetails
        let eligibility: EligibilityBasis
        let eligibilityAttestedOn: CalendarDate?
    }
    struct DayBody: Decodable { let on: CalendarDate? }
    struct RejectBody: Decodable { let rejectedOn: CalendarDate?; let reason: String }
    struct DuesBody: Decodable { let paidOn: CalendarDate?; let amountCents: Int; let termMonths: Int }
    struct RepresentativeBody: Decodable { let representativeName: String }

    static let partner = JSONSchema.object(
        properties: [
            "partnerId": .string(), "name": .string(), "funding": .oneOf(PartnerFunding.codes), "francophone": .boolean,
            "servicesOffered": .array(.oneOf(NeedDomain.codes)),
        ], required: ["name", "funding", "francophone", "servicesOffered"])
    static let target = JSONSchema.object(
        properties: ["metric": .oneOf(ContractMetric.codes), "component": .oneOf(ServiceComponent.codes), "value": .integer()], required: ["metric", "value"])
    static let contract = JSONSchema.object(
        properties: [
            "contractId": .string(), "funder": .string(), "program": .string(), "agreementNumber": .string(), "startsOn": Schemas.date,
            "endsOn": Schemas.date, "fundedComponents": .array(.oneOf(ServiceComponent.codes)), "targets": .array(target),
        ], required: ["funder", "program", "agreementNumber", "startsOn", "endsOn", "fundedComponents", "targets"])
    static let amend = JSONSchema.object(
        properties: ["endsOn": Schemas.date, "fundedComponents": .array(.oneOf(ServiceComponent.codes)), "targets": .array(target), "reason": .string()],
        required: ["endsOn", "fundedComponents", "targets", "reason"])
    static let application = JSONSchema.object(
        properties: [
            "memberId": .string(), "kind": .oneOf(MembershipKind.codes), "appliedOn": Schemas.day,
            "details": .object(
                properties: [
                    "displayName": .string(), "representativeName": .string(),
                    "contact": .object(properties: ["phone": .string(), "email": .string(), "address": .string()], required: []),
                ], required: ["displayName", "contact"]),
            "eligibility": .oneOf(EligibilityBasis.codes), "eligibilityAttestedOn": Schemas.day,
        ], required: ["kind", "details", "eligibility"])

    static let commandRoutes: [CommandRoute] = [
        CommandRoute(RouteKey(.post, "/api/partners"), "Register a partner agency.", schema: Self.partner) { (b: PartnerBody, c, d) in
            RegisterPartner(actor: c.actor, partnerId: b.partnerId ?? PartnerID(d.newId()), name: b.name, funding: b.funding, francophone: b.francophone, servicesOffered: b.servicesOffered)
        },
        CommandRoute(RouteKey(.post, "/api/partners/:partnerId"), "Update a partner agency.", schema: Self.partner) { (b: PartnerBody, c, _) in
            UpdatePartner(actor: c.actor, partnerId: try c.partnerId(), name: b.name, funding: b.funding, francophone: b.francophone, servicesOffered: b.servicesOffered)
        },
        CommandRoute(RouteKey(.post, "/api/contracts"), "Sign a funder contract.", schema: Self.contract) { (b: ContractBody, c, d) in
            SignContract(
                actor: c.actor, contractId: b.contractId ?? ContractID(d.newId()), funder: b.funder, program: b.program, agreementNumber: b.agreementNumber,
                startsOn: b.startsOn, endsOn: b.endsOn, fundedComponents: b.fundedComponents, targets: b.targets)
        },
        CommandRoute(RouteKey(.post, "/api/contracts/:contractId/amend"), "Amend a funder contract.", schema: Self.amend) { (b: AmendBody, c, _) in
            AmendContract(actor: c.actor, contractId: try c.contractId(), endsOn: b.endsOn, fundedComponents: b.fundedComponents, targets: b.targets, reason: b.reason)
        },
        CommandRoute(RouteKey(.post, "/api/members"), "Record an application for membership.", schema: Self.application) { (b: ApplyBody, c, d) in
            ApplyForMembership(
                actor: c.actor, memberId: b.memberId ?? MemberID(d.newId()), kind: b.kind, appliedOn: b.appliedOn ?? d.today, details: b.details,
                eligibility: b.eligibility, eligibilityAttestedOn: b.eligibilityAttestedOn ?? d.today)
        },
        CommandRoute(RouteKey(.post, "/api/members/:memberId/approve"), "Approve a membership application.", schema: CaseCommandAPI.dayOnly) {
            (b: DayBody, c, d) in ApproveMember(actor: c.actor, memberId: try c.memberId(), approvedOn: b.on ?? d.today)
        },
        CommandRoute(
            RouteKey(.post, "/api/members/:memberId/reject"), "Reject a membership application with a reason.",
            schema: .object(properties: ["rejectedOn": Schemas.day, "reason": .string()], required: ["reason"])
        ) { (b: RejectBody, c, d) in RejectMember(actor: c.actor, memberId: try c.memberId(), rejectedOn: b.rejectedOn ?? d.today, reason: b.reason) },
        CommandRoute(
            RouteKey(.post, "/api/members/:memberId/dues"), "Record dues paid (a renewal for termMonths).",
            schema: .object(properties: ["paidOn": Schemas.day, "amountCents": .integer(), "termMonths": .integer()], required: ["amountCents", "termMonths"])
        ) { (b: DuesBody, c, d) in
            RecordDues(actor: c.actor, memberId: try c.memberId(), paidOn: b.paidOn ?? d.today, amountCents: b.amountCents, termMonths: b.termMonths)
        },
        CommandRoute(
            RouteKey(.post, "/api/members/:memberId/representative"), "Change an organisation member's representative.",
            schema: .object(properties: ["representativeName": .string()], required: ["representativeName"])
        ) { (b: RepresentativeBody, c, _) in ChangeRepresentative(actor: c.actor, memberId: try c.memberId(), representativeName: b.representativeName) },
        CommandRoute(RouteKey(.post, "/api/members/:memberId/lapse"), "Record that a membership lapsed.", schema: Schemas.empty) {
            (_: EmptyBody, c, _) in RecordLapse(actor: c.actor, memberId: try c.memberId())
        },
    ]

    var endpoints: [Endpoint] { Self.commandRoutes.map { $0.endpoint(services) } }
}
