import Casework
import Events
import EventStore
import Foundation
import Hummingbird

/// Correcting or voiding an entry of a client's file, from its timeline: the entry as it
/// stands, a form with its plain fields to correct, and (for supervisors) a form to void it;
/// both need a reason. Showing the entry shows the file, so it is recorded as a view first.
struct CorrectionPages {
    let services: AppServices

    /// Who may correct, and who may void, a client's or a referral's facts.
    static let correctors = RolePolicy.correctionRoles(category: StreamID.clientCategory, voiding: false)
    static let voiders = RolePolicy.correctionRoles(category: StreamID.clientCategory, voiding: true)
    /// Fields whose value is one of a fixed list of codes: chosen from the list, in words, so a
    /// correction cannot mistype one.
    static let codedFields: [String: [String]] = [
        "component": ServiceComponent.codes, "mode": ContactMode.codes, "outcome": ServiceOutcome.codes, "needDomain": NeedDomain.codes,
    ]

    /// Entries never offered for correction: corrections themselves and the access log.
    static let uncorrectable: Set<String> = [EventCorrected.eventType, EventVoided.eventType, ClientFileViewed.eventType]

    var endpoints: [Endpoint] {
        [
            Endpoint(
                RouteKey(.get, "/clients/:clientId/corrections/:eventId"),
                .init(.page, "An entry of the client's file with the forms to correct or void it.", responses: [200: "Page", 400: "Bad event id", 404: "Unknown client or entry"]),
                handler: { _, context in try await show(context, problems: [], status: .ok) }),
            Endpoint(
                RouteKey(.post, "/clients/:clientId/corrections/:eventId/correct"),
                .init(.page, "Correct an entry of the client's file, with a reason.", requestMediaType: PageForm.mediaType, responses: PageForm.answers),
                handler: correct),
            Endpoint(
                RouteKey(.post, "/clients/:clientId/corrections/:eventId/void"),
                .init(.page, "Void an entry of the client's file, with a reason.", requestMediaType: PageForm.mediaType, responses: PageForm.answers),
                handler: void),
        ]
    }

    /// The entry named by the path, in the client's file (their stream and their referrals').
    func target(_ context: AppRequestContext) async throws -> (entry: FileEntry, file: ClientFile) {
        let clientId = try context.clientId()
        let text = try context.pathParameter("eventId")
        guard let eventId = UUID(uuidString: text) else {
            throw ProblemDetails(.badRequest, detail: "The entry's id must be a UUID.", errors: [FieldProblem(field: "eventId", problem: "is not a UUID (got '\(text)')")])
        }
        let reads = ClientReads(store: services.store, registry: services.registry)
        let file = try reads.file(clientId, referrals: try await services.referralStreams(of: clientId, context: context))
        guard let entry = file.entries.first(where: { $0.eventId == eventId }), !Self.uncorrectable.contains(entry.eventType) else {
            throw ProblemDetails(
                .notFound, detail: "The file of \(clientId) has no entry \(eventId) that can be corrected.",
                errors: [FieldProblem(field: "eventId", problem: "names no correctable entry of this client's file (\(eventId))")])
        }
        return (entry, file)
    }

    func show(_ context: AppRequestContext, problems: [FieldProblem], status: HTTPResponse.Status) async throws -> Response {
        let clientId = try context.clientId()
        let view = RecordFileView(actor: context.actor, clientId: clientId, purpose: .casework)
        _ = try await services.commands(idempotencyKey: nil, expectedVersion: nil).run(view, correlationId: context.requestId)
        let (entry, file) = try await target(context)
        let names = ActorNames(services.accountCache)
        let current = Self.currentPayload(of: entry, in: file)
        let form = PageForm.fields(context)
        let fields = current.sorted { $0.key < $1.key }.map { name, value -> [String: Any] in
            var row: [String: Any] = ["name": name, "label": Plain.words(name).capitalizedFirst, "id": "field-\(name)"]
            // Ids tie the entry to its client, service or referral: they are shown, never edited.
            guard !name.hasSuffix("Id"), let text = Self.scalarText(value) else {
                row["shown"] = Self.describe(value)
                return row
            }
            let given = form["field-\(name)"] ?? text
            if case .bool = value {
                row["isBool"] = true
                row["yes"] = given == "true"
            } else if let codes = Self.codedFields[name] {
                row["isChoice"] = true
                row["choices"] = codes.map { ["code": $0, "label": Plain.words($0), "selected": $0 == given] }
            } else {
                row["editable"] = true
                row["value"] = given
                row["inputType"] = name.hasSuffix("On") ? "date" : "text"
            }
            return row
        }
        let values: [String: Any] = [
            "clientId": clientId.rawValue, "eventId": entry.eventId.uuidString.lowercased(), "eventType": Plain.event(entry.eventType),
            "occurredAt": Plain.time(entry.occurredAt, services.configuration.timeZone), "actor": try names.name(entry.actor), "fields": fields,
            "notes": try Self.notes(for: entry.eventId, in: file, timeZone: services.configuration.timeZone, names: names),
            "canVoid": !context.actor.roles.isDisjoint(with: Self.voiders) && entry.streamVersion > 0,
            "reason": form["reason"] ?? "",
        ]
        return services.pages.render("correction", title: "Correct an entry", values: values, context: context, problems: problems, status: status)
    }

    @Sendable func correct(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        // An unknown entry is answered as such, not by showing the page again.
        let (entry, file) = try await target(context)
        return try await PageForm.post(redirect: "/clients/\(try context.clientId().rawValue)") {
            var payload = Self.currentPayload(of: entry, in: file)
            for (name, value) in payload {
                guard let given = form["field-\(name)"] else { continue }
                payload[name] = try Self.replaced(value, with: given, field: name)
            }
            let replacement = try CorrectionAPI.decode(CorrectionAPI.Replacement(eventType: entry.eventType, payload: .object(payload)))
            _ = try await WriteRequest(services: services).run(
                CorrectEvent(actor: context.actor, stream: entry.streamId, originalEventId: entry.eventId, reason: try Self.reason(form), replacement: replacement),
                context)
        } rerender: { problems, status in try await show(context, problems: problems, status: status) }
    }

    @Sendable func void(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        let (entry, _) = try await target(context)
        return try await PageForm.post(redirect: "/clients/\(try context.clientId().rawValue)") {
            _ = try await WriteRequest(services: services).run(
                VoidEvent(actor: context.actor, stream: entry.streamId, originalEventId: entry.eventId, reason: try Self.reason(form)), context)
        } rerender: { problems, status in try await show(context, problems: problems, status: status) }
    }

    /// The form's reason, or 422: nobody changes the record without saying why.
    static func reason(_ form: FormFields) throws -> FreeText {
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw ProblemDetails(.unprocessableContent, detail: "Say why the entry is wrong.", errors: [FieldProblem(field: "reason", problem: "is empty")])
        }
        return FreeText(stringLiteral: reason)
    }
}
