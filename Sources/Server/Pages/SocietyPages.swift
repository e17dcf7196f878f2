import Casework
import Events
import Foundation
import Hummingbird
import Projections

/// The society's pages: the membership register with approvals and dues, and the partnership's
/// gaps. Elections are in ``ElectionPages``.
struct SocietyPages {
    let services: AppServices

    var endpoints: [Endpoint] {
        let form = PageForm.mediaType
        return [
            Endpoint(RouteKey(.get, "/membership"), .init(.page, "The membership register: standing, terms, lapsing in N days, approvals and dues.", responses: [200: "Page", 400: "Bad filter"]), handler: { request, context in try await register(request, context, problems: [], status: .ok) }),
            Endpoint(RouteKey(.post, "/membership/apply"), .init(.page, "Record a membership application.", requestMediaType: form, responses: PageForm.answers), handler: apply),
            Endpoint(RouteKey(.post, "/membership/:memberId/decision"), .init(.page, "Approve or reject an application.", requestMediaType: form, responses: PageForm.answers), handler: decide),
            Endpoint(RouteKey(.post, "/membership/:memberId/dues"), .init(.page, "Record dues paid (a renewal).", requestMediaType: form, responses: PageForm.answers), handler: dues),
            Endpoint(RouteKey(.get, "/gaps"), .init(.page, "Needs identified against services and referrals, by domain and partner.", responses: [200: "Page", 400: "Bad period"]), handler: gaps),
        ]
    }

    func register(_ request: Request, _ context: AppRequestContext, problems: [FieldProblem], status: HTTPResponse.Status) async throws -> Response {
        let reader = QueryReader(request)
        var values: [String: Any] = reader.values
        values["kinds"] = MembershipKind.codes
        values["bases"] = EligibilityBasis.codes
        values["canDecide"] = context.actor.roles.contains(.administrator)
        do {
            let register = try await ReadModelAPI(services: services).register(request, context)
            values.merge(Self.values(register)) { $1 }
            values["days"] = register.lapsingWithinDays
        } catch let error where error.pageProblems != nil {
            let (status, found) = error.pageProblems!
            return services.pages.render("membership", title: "Members", values: values, context: context, problems: found, status: status)
        }
        return services.pages.render("membership", title: "Members", values: values, context: context, problems: problems, status: status)
    }

    /// The register as template values (also used by replay).
    static func values(_ register: MembershipRegister) -> [String: Any] {
        [
            "asOf": register.asOf.description, "count": register.members.count,
            "lapsingCount": register.members.filter(\.lapsingSoon).count,
            "members": register.members.map { member -> [String: Any] in
                [
                    "memberId": member.memberId, "displayName": member.displayName, "kind": member.kind.rawValue,
                    "representative": member.representative ?? "", "hasRepresentative": member.representative?.isEmpty == false, "standing": ReportLabels.words(member.standing.rawValue),
                    "pending": member.standing == .pending, "termExpiresOn": member.termExpiresOn?.description ?? "—", "lapsingSoon": member.lapsingSoon,
                ]
            },
        ]
    }

    @Sendable func apply(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/membership") {
            let fields: [String: Any] = [
                "kind": form["kind"] ?? "", "eligibility": form["eligibility"] ?? "",
                "details": ["displayName": form["memberName"] ?? "", "representativeName": form["representativeName"] as Any, "contact": ["email": form["email"] as Any].compactMapValues { $0 }]
                    .compactMapValues { $0 },
            ]
            let body = try FormDecoding.decode(OrganisationAPI.ApplyBody.self, fields)
            let write = WriteRequest(services: services)
            _ = try await write.run(
                ApplyForMembership(
                    actor: context.actor, memberId: MemberID(write.defaults.newId()), kind: body.kind, appliedOn: write.defaults.today, details: body.details,
                    eligibility: body.eligibility, eligibilityAttestedOn: write.defaults.today), context)
        } rerender: { problems, status in try await register(request, context, problems: problems, status: status) }
    }

    @Sendable func decide(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/membership") {
            let write = WriteRequest(services: services)
            if form["decision"] == "reject" {
                _ = try await write.run(RejectMember(actor: context.actor, memberId: try context.memberId(), rejectedOn: write.defaults.today, reason: form["reason"] ?? ""), context)
            } else {
                _ = try await write.run(ApproveMember(actor: context.actor, memberId: try context.memberId(), approvedOn: write.defaults.today), context)
            }
        } rerender: { problems, status in try await register(request, context, problems: problems, status: status) }
    }

    @Sendable func dues(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/membership") {
            let dollars = form["amount"] ?? ""
            guard let amount = Decimal(string: dollars), amount >= 0 else {
                throw ProblemDetails(.unprocessableContent, detail: "Give the amount paid.", errors: [FieldProblem(field: "amount", problem: "is not an amount such as 25.00 (got '\(dollars)')")])
            }
            let cents = NSDecimalNumber(decimal: amount * 100).intValue
            let months = Int(form["termMonths"] ?? "") ?? 0
            let write = WriteRequest(services: services)
            _ = try await write.run(RecordDues(actor: context.actor, memberId: try context.memberId(), paidOn: write.defaults.today, amountCents: cents, termMonths: months), context)
        } rerender: { problems, status in try await register(request, context, problems: problems, status: status) }
    }

    @Sendable func gaps(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = QueryReader(request)
        var values: [String: Any] = reader.values
        do {
            values.merge(Self.values(try await ReadModelAPI(services: services).gaps(request, context))) { $1 }
            return services.pages.render("gaps", title: "Partnership gaps", values: values, context: context)
        } catch let error where error.pageProblems != nil {
            let (status, problems) = error.pageProblems!
            return services.pages.render("gaps", title: "Partnership gaps", values: values, context: context, problems: problems, status: status)
        }
    }

    /// The gaps as template values (also used by replay).
    static func values(_ gaps: GapsView) -> [String: Any] {
        let domains = gaps.domains.map(\.domain.rawValue)
        return [
            "start": gaps.period.start.description, "end": gaps.period.end.description,
            "domains": gaps.domains.map { domain in
                [
                    "domain": ReportLabels.words(domain.domain.rawValue), "clientsWithNeed": domain.clientsWithNeed, "served": domain.served,
                    "referred": domain.referred, "unmet": domain.unmet, "several": domain.referredToSeveralPartners,
                ] as [String: Any]
            },
            "domainNames": domains.map(ReportLabels.words),
            "partners": gaps.partners.map { partner in
                ["name": partner.name, "counts": domains.map { partner.referralsByDomain[$0] ?? 0 }] as [String: Any]
            },
        ]
    }
}
