import Casework
import Events
import EventStore
import Foundation
import Hummingbird

/// Partner agencies and funder contracts: the list, adding and editing a partner, and amending
/// a contract's end date and funded services (signing one is on the report page).
struct PartnerPages {
    let services: AppServices

    var endpoints: [Endpoint] {
        [
            Endpoint(RouteKey(.get, "/partners"), .init(.page, "Partner agencies and funder contracts.", responses: [200: "Page"]), handler: list),
            Endpoint(
                RouteKey(.post, "/partners"), .init(.page, "Add a partner agency.", requestMediaType: PageForm.mediaType, responses: PageForm.answers),
                handler: register),
            Endpoint(
                RouteKey(.get, "/partners/:partnerId"), .init(.page, "The form to change a partner agency.", responses: [200: "Page", 404: "Unknown partner"]),
                handler: { _, context in try await edit(context, problems: [], status: .ok) }),
            Endpoint(
                RouteKey(.post, "/partners/:partnerId"), .init(.page, "Change a partner agency.", requestMediaType: PageForm.mediaType, responses: PageForm.answers),
                handler: update),
            Endpoint(
                RouteKey(.post, "/contracts/:contractId/amend"),
                .init(.page, "Amend a funder contract's end date and funded services.", requestMediaType: PageForm.mediaType, responses: PageForm.answers),
                handler: amend),
        ]
    }

    @Sendable func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await list(context, problems: [], status: .ok)
    }

    func list(_ context: AppRequestContext, problems: [FieldProblem], status: HTTPResponse.Status) async throws -> Response {
        let directory = LogDirectory(log: services.store)
        let roles = context.actor.roles
        let partners = try directory.allStates(PartnerState.self, category: StreamID.partnerCategory).compactMap(\.current)
        let contracts = try directory.allStates(ContractState.self, category: StreamID.contractCategory).filter(\.exists)
        let values: [String: Any] = [
            "canEditPartners": !roles.isDisjoint(with: RolePolicy.roles(for: .updatePartner)),
            "canAmend": !roles.isDisjoint(with: RolePolicy.roles(for: .amendContract)),
            "hasPartners": !partners.isEmpty, "hasContracts": !contracts.isEmpty,
            "partners": partners.map(Self.partnerValues),
            "contracts": contracts.map(Self.contractValues),
            "fundings": Plain.options(PartnerFunding.codes), "domains": Plain.options(NeedDomain.codes),
        ]
        return services.pages.render("partners", title: "Partners and contracts", values: values, context: context, problems: problems, status: status)
    }

    static func partnerValues(_ partner: PartnerUpdated) -> [String: Any] {
        [
            "partnerId": partner.partnerId.rawValue, "name": partner.name, "funding": Plain.words(partner.funding.rawValue),
            "francophone": partner.francophone, "services": partner.servicesOffered.map { Plain.words($0.rawValue) }.joined(separator: ", "),
        ]
    }

    static func contractValues(_ contract: ContractState) -> [String: Any] {
        let signed = contract.signed!
        return [
            "contractId": signed.contractId.rawValue, "funder": signed.funder, "program": signed.program, "agreementNumber": signed.agreementNumber,
            "startsOn": signed.startsOn.description, "endsOn": contract.endsOn?.description ?? "",
            "funds": contract.fundedComponents.map(\.rawValue).sorted().map(Plain.words).joined(separator: ", "),
            "components": ServiceComponent.codes.map { code in
                ["code": code, "label": Plain.words(code), "checked": contract.fundedComponents.contains { $0.rawValue == code }] as [String: Any]
            },
        ]
    }

    @Sendable func register(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/partners") {
            let body = try FormDecoding.decode(OrganisationAPI.PartnerBody.self, Self.partnerFields(form))
            let write = WriteRequest(services: services)
            let partnerId = PartnerID(write.defaults.newId())
            _ = try await write.run(
                RegisterPartner(
                    actor: context.actor, partnerId: partnerId, name: body.name, funding: body.funding, francophone: body.francophone,
                    servicesOffered: body.servicesOffered), context)
        } rerender: { problems, status in try await list(context, problems: problems, status: status) }
    }

    @Sendable func update(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/partners") {
            let body = try FormDecoding.decode(OrganisationAPI.PartnerBody.self, Self.partnerFields(form))
            _ = try await WriteRequest(services: services).run(
                UpdatePartner(
                    actor: context.actor, partnerId: try context.partnerId(), name: body.name, funding: body.funding, francophone: body.francophone,
                    servicesOffered: body.servicesOffered), context)
        } rerender: { problems, status in try await edit(context, problems: problems, status: status) }
    }

    /// The partner form's fields as the API's partner body.
    static func partnerFields(_ form: FormFields) -> [String: Any] {
        [
            "name": (form["name"] ?? "").trimmingCharacters(in: .whitespaces), "funding": form["funding"] ?? "",
            "francophone": form["francophone"] == "yes", "servicesOffered": NeedDomain.codes.filter { form["offers-\($0)"] == "yes" },
        ]
    }

    func edit(_ context: AppRequestContext, problems: [FieldProblem], status: HTTPResponse.Status) async throws -> Response {
        let partnerId = try context.partnerId()
        let state = try LogDirectory(log: services.store).allStates(PartnerState.self, category: StreamID.partnerCategory)
            .first { $0.current?.partnerId == partnerId }
        guard let partner = state?.current else {
            throw ProblemDetails(
                .notFound, detail: "There is no partner \(partnerId).",
                errors: [FieldProblem(field: "partnerId", problem: "names no registered partner (\(partnerId))")])
        }
        let values: [String: Any] = [
            "partnerId": partner.partnerId.rawValue, "name": partner.name, "francophone": partner.francophone,
            "fundings": Plain.options(PartnerFunding.codes, selected: partner.funding.rawValue),
            "domains": NeedDomain.codes.map { code in
                ["code": code, "label": Plain.words(code), "checked": partner.servicesOffered.contains { $0.rawValue == code }] as [String: Any]
            },
        ]
        return services.pages.render("partner", title: "Change \(partner.name)", values: values, context: context, problems: problems, status: status)
    }

    @Sendable func amend(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/partners") {
            let contractId = try context.contractId()
            let contract = try LogDirectory(log: services.store).allStates(ContractState.self, category: StreamID.contractCategory)
                .first { $0.signed?.contractId == contractId }
            guard let contract, contract.exists else {
                throw ProblemDetails(
                    .notFound, detail: "There is no contract \(contractId).",
                    errors: [FieldProblem(field: "contractId", problem: "names no signed contract (\(contractId))")])
            }
            // The page changes dates and services; targets stay as they are (the API changes them).
            let fields: [String: Any] = [
                "endsOn": form["endsOn"] ?? "", "reason": (form["reason"] ?? "").trimmingCharacters(in: .whitespaces),
                "fundedComponents": ServiceComponent.codes.filter { form["fund-\($0)"] == "yes" }, "targets": [Any](),
            ]
            let body = try FormDecoding.decode(OrganisationAPI.AmendBody.self, fields)
            _ = try await WriteRequest(services: services).run(
                AmendContract(
                    actor: context.actor, contractId: contractId, endsOn: body.endsOn, fundedComponents: body.fundedComponents,
                    targets: contract.targets, reason: body.reason), context)
        } rerender: { problems, status in try await list(context, problems: problems, status: status) }
    }
}
