import Casework
import Events
import Foundation
import Hummingbird
import Projections

/// The worker's caseload: open cases with what needs doing first.
struct WorkPages {
    let services: AppServices

    var endpoints: [Endpoint] {
        [Endpoint(RouteKey(.get, "/caseload"), .init(.page, "My caseload: open cases, overdue follow-ups, pending referrals.", responses: [200: "Page", 400: "Bad page number"]), handler: caseload)]
    }

    @Sendable func caseload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caseload = try await ReadModelAPI(services: services).caseload(request, context)
        let page = try QueryReader(request).integer("page", in: 0...100_000) ?? 0
        // Names from each client's own stream (a page of at most 50), so the worker sees people.
        let reads = ClientReads(store: services.store, registry: services.registry)
        let names = caseload.cases.reduce(into: [String: String]()) { names, entry in
            if let personal = (try? reads.client(ClientID(entry.clientId)))?.personal { names[entry.clientId] = "\(personal.givenNames) \(personal.familyName)" }
        }
        var values = try Self.values(caseload, names: names, partners: PartnerNames(LogDirectory(log: services.store)))
        if (page + 1) * 50 < caseload.openCases { values["next"] = page + 1 }
        if page > 0 { values["previous"] = page - 1 }
        let worker = caseload.workerId
        let isOwn = worker == context.actor.userId.rawValue
        values["workerQuery"] = isOwn ? "" : "worker=\(worker.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? worker)&"
        if context.actor.roles.contains(.supervisor) {
            let team = try await team(context, showing: worker)
            values["team"] = team
            values["hasTeam"] = !team.isEmpty
        }
        let title = isOwn ? "My caseload" : "Caseload of \(try ActorNames(services.accountCache).name(worker))"
        return services.pages.render("caseload", title: title, values: values, context: context)
    }

    /// For a supervisor: every worker whose account is active, by name, with how many open cases
    /// they hold, each a link to their caseload (`showing` is the one on the page).
    func team(_ context: AppRequestContext, showing: String) async throws -> [[String: Any]] {
        let models = try await services.models(for: context)
        let workers = try services.accounts.all().filter { $0.roles.contains(.worker) && !$0.isDisabled }.sorted { $0.displayName < $1.displayName }
        return try workers.map { account in
            let open = try models.caseload(worker: account.userId.rawValue, today: services.today, page: 0, pageSize: 1).openCases
            return ["userId": account.userId.rawValue, "name": account.displayName, "openCases": open, "current": account.userId.rawValue == showing]
        }
    }

    /// The caseload as template values (also used by replay): clients by `names`, and a referral
    /// to a partner agency by the agency's name (one to a program of the agency's own is named already).
    static func values(_ caseload: Caseload, names: [String: String] = [:], partners: PartnerNames) throws -> [String: Any] {
        try [
            "openCases": caseload.openCases, "today": caseload.today.description, "hasCases": !caseload.cases.isEmpty,
            "cases": caseload.cases.map { entry -> [String: Any] in
                try [
                    "clientId": entry.clientId, "name": names[entry.clientId] ?? entry.clientId, "openedOn": entry.openedOn?.description ?? "—", "lastContactOn": entry.lastContactOn?.description ?? "none yet",
                    "overdue": entry.overdueFollowUps.map { ["dueOn": $0.dueOn.description, "days": $0.daysOverdue] },
                    "referrals": entry.pendingReferrals.map { ["to": try partners.name($0.to), "stage": $0.stage.rawValue, "ageDays": $0.ageDays] },
                ]
            },
        ]
    }
}
