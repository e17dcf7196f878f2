import Casework
import Events
import EventStore
import Foundation
import Hummingbird
import Projections

/// The accountant's funder report: choose a contract and a month or fiscal year; every figure
/// links to the events behind it; CSV and spreadsheet downloads.
struct ReportPages {
    let services: AppServices

    var endpoints: [Endpoint] {
        [
            Endpoint(RouteKey(.get, "/reports"), .init(.page, "Funder report by contract and month or fiscal year.", responses: [200: "Page", 400: "Bad choice", 404: "Unknown contract"]), handler: report),
            Endpoint(RouteKey(.get, "/reports/explain"), .init(.page, "The events behind one figure of a report.", responses: [200: "Page", 400: "Bad choice", 404: "Unknown figure"]), handler: explain),
            Endpoint(
                RouteKey(.post, "/reports/contracts"), .init(.page, "Sign a funder contract.", requestMediaType: PageForm.mediaType, responses: PageForm.answers),
                handler: signContract),
            Endpoint(RouteKey(.get, "/events/:position"), .init(.page, "One event of the log, in full.", responses: [200: "Page", 400: "Bad position", 404: "No such event"]), handler: event),
        ]
    }

    @Sendable func report(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await report(request, context, problems: [], status: .ok)
    }

    func report(_ request: Request, _ context: AppRequestContext, problems: [FieldProblem], status: HTTPResponse.Status) async throws -> Response {
        let query = QueryReader(request)
        var values: [String: Any] = [
            "canSign": !context.actor.roles.isDisjoint(with: RolePolicy.roles(for: .signContract)),
            "fundable": ServiceComponent.codes.map { ["code": $0, "label": ReportLabels.words($0)] },
            "contracts": try ContractList(store: services.store).all().map { contract in
                ["contractId": contract.contractId, "label": "\(contract.funder) — \(contract.program) (\(contract.contractId))", "selected": contract.contractId == query.text("contract")]
            },
            "month": query.text("month") ?? String(services.today.description.prefix(7)), "fiscalYear": query.text("fiscalYear") ?? "",
        ]
        guard query.text("contract") != nil else {
            return services.pages.render("report", title: "Funder report", values: values, context: context, problems: problems, status: status)
        }
        do {
            let (report, _) = try await ReportAPI(services: services).report(request, context)
            values.merge(Self.values(report, query: request.uri.query ?? "")) { $1 }
            return services.pages.render("report", title: "Funder report", values: values, context: context)
        } catch let error where error.pageProblems != nil {
            let (status, problems) = error.pageProblems!
            return services.pages.render("report", title: "Funder report", values: values, context: context, problems: problems, status: status)
        }
    }

    @Sendable func signContract(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        let contractId = form["contractId"] ?? ""
        return try await PageForm.post(redirect: "/reports?contract=\(contractId.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") {
            let fields: [String: Any] = [
                "contractId": contractId, "funder": form["funder"] ?? "", "program": form["program"] ?? "", "agreementNumber": form["agreementNumber"] ?? "",
                "startsOn": form["startsOn"] ?? "", "endsOn": form["endsOn"] ?? "", "targets": [Any](),
                "fundedComponents": ServiceComponent.codes.filter { form["fund-\($0)"] == "yes" },
            ]
            let body = try FormDecoding.decode(OrganisationAPI.ContractBody.self, fields)
            _ = try await WriteRequest(services: services).run(
                SignContract(
                    actor: context.actor, contractId: ContractID(contractId), funder: body.funder, program: body.program,
                    agreementNumber: body.agreementNumber, startsOn: body.startsOn, endsOn: body.endsOn, fundedComponents: body.fundedComponents,
                    targets: []), context)
        } rerender: { problems, status in try await report(request, context, problems: problems, status: status) }
    }

    /// The report as template values: every figure with the link to its events.
    static func values(_ report: FunderReport, query: String) -> [String: Any] {
        let base = query.split(separator: "&").filter { !$0.hasPrefix("cell=") }.joined(separator: "&")
        return [
            "hasReport": true, "contractId": report.contractId, "start": report.period.start.description, "end": report.period.end.description,
            "query": base,
            "sections": sections(report),
        ]
    }

    /// The report's figures in sections, in the order ``ReportLabels/sections`` gives them
    /// (within a family, by name), each with the link to its events.
    static func sections(_ report: FunderReport) -> [[String: Any]] {
        let placed = report.cells.keys.map { (place: ReportLabels.place($0), name: $0) }
            .sorted { ($0.place.section, $0.place.rank, $0.name) < ($1.place.section, $1.place.rank, $1.name) }
        var sections: [(title: String, cells: [[String: Any]])] = []
        for (place, name) in placed {
            if sections.last?.title != place.title { sections.append((place.title, [])) }
            let value = report.value(name)
            sections[sections.count - 1].cells.append([
                "name": name, "label": ReportLabels.label(name), "value": value, "linked": value > 0,
                "cell": name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? name,
            ])
        }
        return sections.map { ["title": $0.title, "cells": $0.cells] }
    }

    @Sendable func explain(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = QueryReader(request)
        let cell = try query.required("cell", example: "services")
        let (report, models) = try await ReportAPI(services: services).report(request, context)
        let events = try models.explain(report, cell: cell)
        let names = ActorNames(services.accountCache)
        let back = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("cell=") }.joined(separator: "&")
        let values: [String: Any] = [
            "label": ReportLabels.label(cell), "value": report.value(cell), "contractId": report.contractId,
            "start": report.period.start.description, "end": report.period.end.description, "back": back,
            "events": try events.map { event in
                var row: [String: Any] = [
                    "position": event.position, "eventType": Plain.event(event.eventType), "streamId": event.streamId,
                    "occurredAt": Plain.time(event.occurredAt, services.configuration.timeZone), "actor": try names.name(event.actor),
                ]
                row["clientId"] = AdminPages.clientId(ofStream: event.streamId)
                return row
            },
        ]
        return services.pages.render("explain", title: "Behind the figure", values: values, context: context)
    }

    @Sendable func event(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let entry = try EventLookup(store: services.store).entry(context)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let payload = String(decoding: try encoder.encode(entry.payload), as: UTF8.self)
        let names = ActorNames(services.accountCache)
        var values: [String: Any] = [
            "position": entry.position, "eventType": Plain.event(entry.eventType), "code": entry.eventType, "streamId": entry.streamId, "streamVersion": entry.streamVersion,
            "occurredAt": Plain.time(entry.occurredAt, services.configuration.timeZone), "recordedAt": Plain.time(entry.recordedAt, services.configuration.timeZone), "actor": try names.name(entry.actor), "actorId": entry.actor,
            "correlationId": entry.correlationId?.uuidString.lowercased() ?? "—", "eventId": entry.eventId.uuidString.lowercased(), "payload": payload,
        ]
        if case .object(let fields) = entry.payload {
            values["summary"] = try EntrySummary(names: names, partners: PartnerNames(LogDirectory(log: services.store))).text(entry.eventType, payload: fields)
        }
        return services.pages.render("event", title: "\(Plain.event(entry.eventType)), position \(entry.position)", values: values, context: context)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
