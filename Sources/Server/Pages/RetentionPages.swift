import Casework
import Events
import EventStore
import Foundation
import Hummingbird

/// Retention on the web: what the policy makes due as of a day, and the run that erases it;
/// also the way to a client's privacy requests by id.
struct RetentionPages {
    let services: AppServices

    var endpoints: [Endpoint] {
        [
            Endpoint(
                RouteKey(.get, "/admin/privacy"),
                .init(.page, "Privacy requests: open a client by id; the retention report as of a day (asOf, default today).", responses: [200: "Page", 303: "To the client's privacy requests", 400: "Bad day"]),
                handler: report),
            Endpoint(
                RouteKey(.post, "/admin/privacy/retention"),
                .init(.page, "Erase every client file the retention policy makes due, unless held, once confirmed.", requestMediaType: PageForm.mediaType, responses: [200: "What was erased and what was left", 403: "Role or form token missing", 422: "A field breaks a rule"]),
                handler: run),
            Endpoint(
                RouteKey(.get, "/api/privacy/retention"),
                .init(.api, "The records the retention policy makes due on or before asOf (default today), with the legal holds in force.", responses: [200: "The due records", 400: "Bad asOf", 401: "Not signed in", 403: "Role missing"]),
                handler: json),
        ]
    }

    /// The policy in the data folder; a broken policy file is the operator's to fix, said plainly.
    func policy() throws -> RetentionPolicy {
        do {
            return try RetentionPolicy.read(dataFolder: services.store.directory)
        } catch {
            throw ProblemDetails(.internalServerError, detail: error.description, errors: [FieldProblem(field: error.field, problem: error.problem)])
        }
    }

    struct Due: Encodable { let asOf: CalendarDate; let due: [RetentionDue] }

    @Sendable func json(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let asOf = try QueryReader(request).date("asOf") ?? services.today
        return try JSONResponse.make(.ok, Due(asOf: asOf, due: try services.caseworkWithKeys.retentionDue(rules: try policy(), asOf: asOf)))
    }

    @Sendable func report(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = QueryReader(request)
        if let clientId = reader.text("clientId") {
            let path = clientId.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? ""
            return Response(status: .seeOther, headers: [.location: "/admin/privacy/clients/\(path)"])
        }
        do {
            let asOf = try reader.date("asOf") ?? services.today
            return try render(context, asOf: asOf, values: [:], problems: [], status: .ok)
        } catch let error where error.pageProblems != nil {
            let (status, problems) = error.pageProblems!
            return try render(context, asOf: services.today, values: [:], problems: problems, status: status)
        }
    }

    func render(_ context: AppRequestContext, asOf: CalendarDate, values: [String: Any], problems: [FieldProblem], status: HTTPResponse.Status) throws -> Response {
        let due = try services.caseworkWithKeys.retentionDue(rules: try policy(), asOf: asOf)
        var page = values
        page["asOf"] = asOf.description
        page["today"] = services.today.description
        page["count"] = due.count
        if !due.isEmpty { page["dueTable"] = ["rows": due.map(Self.row)] }
        return services.pages.render("retention", title: "Privacy requests and retention", values: page, context: context, problems: problems, status: status)
    }

    static func row(_ due: RetentionDue) -> [String: Any] {
        [
            "kind": due.kind == .clientFile ? "Client file" : "Membership", "recordId": due.recordId, "isClient": due.kind == .clientFile,
            "why": "\(due.trigger) on \(due.triggeredOn)", "dueOn": due.dueOn.description,
            "held": due.holds.isEmpty ? (due.erasable ? "Not held" : "Not sealed: review by hand") : "Held: \(due.holds.joined(separator: ", "))",
        ]
    }

    @Sendable func run(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        let asOf = form["asOf"].flatMap(CalendarDate.init(iso8601:)) ?? services.today
        do {
            guard form["asOf"] == nil || CalendarDate(iso8601: form["asOf"]!) != nil else {
                throw ProblemDetails(.unprocessableContent, detail: "The day could not be read.", errors: [FieldProblem(field: "asOf", problem: "is not a date such as 2032-04-01")])
            }
            try PrivacyPages.requireConfirmation(form, of: "the run")
            let run = try await services.caseworkWithKeys.runRetention(rules: try policy(), asOf: asOf, actor: context.actor, correlationId: context.requestId)
            var values: [String: Any] = ["ran": true, "erasedCount": run.erased.count]
            if !run.erased.isEmpty { values["erasedTable"] = ["rows": run.erased.map(Self.row)] }
            if !run.left.isEmpty {
                values["leftTable"] = ["rows": run.left.map { Self.row($0.due).merging(["reason": $0.reason]) { $1 } }, "withReason": true] as [String: Any]
            }
            return try render(context, asOf: asOf, values: values, problems: [], status: .ok)
        } catch let error where error.pageProblems != nil {
            let (status, problems) = error.pageProblems!
            return try render(context, asOf: services.today, values: [:], problems: problems, status: status)
        }
    }
}
