import Casework
import Events
import EventStore
import Foundation
import Hummingbird

/// The administrator's answer to one client's privacy requests: the access-request export,
/// legal holds, and erasure.
struct PrivacyPages {
    let services: AppServices

    var endpoints: [Endpoint] {
        [
            Endpoint(
                RouteKey(.get, "/admin/privacy/clients/:clientId"),
                .init(.page, "One client's privacy requests: the access export, legal holds, erasure.", responses: [200: "Page", 404: "Unknown client"]),
                handler: { _, context in try await page(context, values: [:], problems: [], status: .ok) }),
            Endpoint(
                RouteKey(.post, "/admin/privacy/clients/:clientId/holds"),
                .init(.page, "Place a legal hold: erasure is refused until it is released.", requestMediaType: PageForm.mediaType, responses: PageForm.answers),
                handler: placeHold),
            Endpoint(
                RouteKey(.post, "/admin/privacy/clients/:clientId/holds/:holdId/release"),
                .init(.page, "Release a legal hold.", requestMediaType: PageForm.mediaType, responses: PageForm.answers), handler: releaseHold),
            Endpoint(
                RouteKey(.post, "/admin/privacy/clients/:clientId/erasure"),
                .init(.page, "Erase the client's personal data, once confirmed, unless under legal hold.", requestMediaType: PageForm.mediaType, responses: PageForm.answers),
                handler: erase),
        ]
    }

    func page(_ context: AppRequestContext, values: [String: Any], problems: [FieldProblem], status: HTTPResponse.Status) async throws -> Response {
        let clientId = try context.clientId()
        _ = try ClientReads(store: services.store, registry: services.registry).client(clientId)
        let stream = StreamID.client(clientId)
        let records = try services.store.readStream(stream)
        let client = ClientState.folded(try StreamHistory(streamId: stream, records: records, registry: services.registry).effectiveEvents(registry: services.registry))
        var page = values
        page["clientId"] = clientId.rawValue
        page["holds"] = client.legalHolds.values.sorted { $0.holdId < $1.holdId }.map { hold in
            ["holdId": hold.holdId, "reason": hold.reason, "placedOn": hold.placedOn.description, "clientId": clientId.rawValue] as [String: Any]
        }
        page["held"] = !client.legalHolds.isEmpty
        page["grounds"] = Plain.options(ErasureGround.codes, selected: values["ground"] as? String ?? ErasureGround.privacyRequest.rawValue)
        if let erasure = client.erasure {
            let record = records.last { $0.eventType == PersonalDataErased.eventType }
            page["erased"] = [
                "erasedOn": erasure.erasedOn.description, "erasedBy": try record.map { try ActorNames(services.accountCache).name($0.actor) } ?? "unknown", "ground": Plain.words(erasure.ground.rawValue),
                "reference": erasure.reference,
            ]
        }
        return services.pages.render("privacy", title: "Privacy requests: client \(clientId.rawValue)", values: page, context: context, problems: problems, status: status)
    }

    func redirect(_ context: AppRequestContext) throws -> String { "/admin/privacy/clients/\(try context.clientId().rawValue)" }

    @Sendable func placeHold(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        let echoed: [String: Any] = ["holdId": form["holdId"] ?? "", "holdReason": form["reason"] ?? ""]
        return try await PageForm.post(redirect: try redirect(context)) {
            let command = PlaceLegalHold(actor: context.actor, clientId: try context.clientId(), holdId: form["holdId"] ?? "", reason: form["reason"] ?? "")
            _ = try await WriteRequest(services: services).run(command, context)
        } rerender: { problems, status in
            try await page(context, values: echoed, problems: problems, status: status)
        }
    }

    @Sendable func releaseHold(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await PageForm.post(redirect: try redirect(context)) {
            let command = ReleaseLegalHold(actor: context.actor, clientId: try context.clientId(), holdId: try context.pathParameter("holdId"))
            _ = try await WriteRequest(services: services).run(command, context)
        } rerender: { problems, status in
            try await page(context, values: [:], problems: problems, status: status)
        }
    }

    @Sendable func erase(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        let echoed: [String: Any] = ["reference": form["reference"] ?? "", "ground": form["ground"] ?? ""]
        return try await PageForm.post(redirect: try redirect(context)) {
            try Self.requireConfirmation(form, of: "it")
            let ground = try FormDecoding.decode(PrivacyAPI.ErasureBody.self, ["reference": form["reference"] ?? "", "ground": form["ground"] ?? ErasureGround.privacyRequest.rawValue]).ground
            let command = EraseClient(actor: context.actor, clientId: try context.clientId(), ground: ground ?? .privacyRequest, reference: form["reference"] ?? "")
            _ = try await services.caseworkWithKeys.erase(command, correlationId: context.requestId)
        } rerender: { problems, status in
            try await page(context, values: echoed, problems: problems, status: status)
        }
    }
}

extension PrivacyPages {
    /// Refuses an erasure whose form's confirmation box is not ticked: it cannot be undone.
    static func requireConfirmation(_ form: FormFields, of what: String) throws {
        guard form["confirm"] == "yes" else {
            throw ProblemDetails(
                .unprocessableContent, detail: "Erasure cannot be undone: tick the box to confirm \(what).",
                errors: [FieldProblem(field: "confirm", problem: "is not ticked: erasure cannot be undone, so \(what) must be confirmed")])
        }
    }
}

extension AppServices {
    /// A casework service holding the data keys: erasure destroys them.
    var caseworkWithKeys: CaseworkService { CaseworkService(log: store, timeZone: configuration.timeZone, keys: keys) }
}
