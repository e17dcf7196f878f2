import Casework
import Events
import EventStore
import Foundation
import Hummingbird
import Projections

/// The administrator's pages: audit trail search, replay as of a date, the log check.
struct AdminPages {
    let services: AppServices

    var endpoints: [Endpoint] {
        [
            Endpoint(RouteKey(.get, "/admin/audit"), .init(.page, "Search the audit trail: client, actor, event type, dates; paged.", responses: [200: "Page", 400: "Bad search"]), handler: audit),
            Endpoint(RouteKey(.get, "/admin/replay"), .init(.page, "Any read model as it stood at the end of a chosen day.", responses: [200: "Page", 400: "Bad choice", 404: "Not found then"]), handler: replay),
            Endpoint(RouteKey(.get, "/admin/verification"), .init(.page, "Whether the log's hash chain is intact.", responses: [200: "Page"]), handler: verification),
            Endpoint(
                RouteKey(.post, "/admin/verification"), .init(.page, "Start checking the log's hash chain.", requestMediaType: PageForm.mediaType, responses: [303: "Started", 403: "Form token missing"]),
                handler: { _, _ in
                    await services.verification.start()
                    return Response(status: .seeOther, headers: [.location: "/admin/verification"])
                }),
        ]
    }

    @Sendable func audit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = QueryReader(request)
        var values: [String: Any] = reader.values
        values["eventTypes"] = EventRegistry.standard.entries.keys.sorted().map { ["code": $0, "label": Plain.event($0), "selected": $0 == reader.text("eventType")] }
        do {
            let query = try AuditQuery(reader, timeZone: services.configuration.timeZone)
            let page = try query.page(try await services.models(for: context))
            values.merge(try Self.values(page, timeZone: services.configuration.timeZone, names: ActorNames(services.accountCache))) { $1 }
            if let next = page.nextAfter {
                let kept = reader.values.filter { $0.key != "after" }.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                values["nextQuery"] = (kept + ["after=\(next)"]).sorted().joined(separator: "&")
            }
            return services.pages.render("audit", title: "Audit trail", values: values, context: context)
        } catch let error where error.pageProblems != nil {
            let (status, problems) = error.pageProblems!
            return services.pages.render("audit", title: "Audit trail", values: values, context: context, problems: problems, status: status)
        }
    }

    /// An audit page as template values (also used by replay): who by name, and by the user id
    /// the search takes.
    static func values(_ page: AuditPage, timeZone: TimeZone, names: ActorNames) throws -> [String: Any] {
        [
            "searched": true, "count": page.entries.count, "hasEntries": !page.entries.isEmpty,
            "entries": try page.entries.map { entry in
                let name = try names.name(entry.actor)
                var row: [String: Any] = [
                    "position": entry.position, "recordedAt": Plain.time(entry.recordedAt, timeZone), "actor": name,
                    "actorId": entry.actor, "actorIdDiffers": name != entry.actor, "eventType": Plain.event(entry.eventType),
                    "streamId": entry.streamId, "viewed": entry.eventType == "ClientFileViewed",
                ]
                row["clientId"] = clientId(ofStream: entry.streamId)
                return row
            },
        ]
    }

    /// The client a client's own or access stream is about (the audit trail links it to their
    /// file); nil for every other stream.
    static func clientId(ofStream streamId: String) -> String? {
        for category in [StreamID.clientCategory, StreamID.accessCategory] where streamId.hasPrefix(category + "-") {
            return String(streamId.dropFirst(category.count + 1))
        }
        return nil
    }

    @Sendable func replay(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = QueryReader(request)
        var values: [String: Any] = reader.values
        values["models"] = ReplayModel.allCases.map { ["code": $0.rawValue, "title": $0.title, "selected": $0.rawValue == reader.text("model")] }
        values["contracts"] = try ContractList(store: services.store).all().map { ["contractId": $0.contractId, "selected": $0.contractId == reader.text("contract")] }
        guard reader.text("asOf") != nil else { return services.pages.render("replay", title: "Replay", values: values, context: context) }
        do {
            let replay = try ReplayQuery(reader)
            let models = try await replay.models(store: services.store, timeZone: services.configuration.timeZone)
            values["position"] = models.position
            values["shownAsOf"] = replay.asOf.description
            switch try replay.answer(models, query: reader, timeZone: services.configuration.timeZone) {
            case let report as FunderReport: values["funder"] = ReportPages.values(report, query: "contract=\(report.contractId)")
            case let caseload as Caseload: values["caseload"] = try WorkPages.values(caseload, partners: PartnerNames(LogDirectory(log: services.store)))
            case let register as MembershipRegister: values["membership"] = SocietyPages.values(register)
            case let gaps as PartnershipGaps: values["gaps"] = SocietyPages.values(GapsView(gaps))
            case let page as AuditPage: values["audit"] = try Self.values(page, timeZone: services.configuration.timeZone, names: ActorNames(services.accountCache))
            default: break
            }
            return services.pages.render("replay", title: "Replay", values: values, context: context)
        } catch let error where error.pageProblems != nil {
            let (status, problems) = error.pageProblems!
            return services.pages.render("replay", title: "Replay", values: values, context: context, problems: problems, status: status)
        }
    }

    @Sendable func verification(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let values = Self.values(await services.verification.status, timeZone: services.configuration.timeZone, headPosition: services.store.headPosition)
        return services.pages.render("verification", title: "Log check", values: values, context: context)
    }

    /// The log check's last result as template values (also on the administrator's home).
    static func values(_ status: ChainVerification.Status, timeZone: TimeZone, headPosition: UInt64) -> [String: Any] {
        [
            "state": status.state, "never": status.state == "never", "running": status.state == "running", "intact": status.state == "intact",
            "broken": status.state == "broken", "failed": status.state == "failed",
            "startedAt": status.startedAt.map { Plain.time(Timestamp($0), timeZone) } ?? "",
            "finishedAt": status.finishedAt.map { Plain.time(Timestamp($0), timeZone) } ?? "",
            "eventsChecked": status.eventsChecked.map(String.init) ?? "", "firstBadPosition": status.firstBadPosition.map(String.init) ?? "",
            "problem": status.problem ?? "", "headPosition": headPosition,
        ]
    }
}
