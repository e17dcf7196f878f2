import Casework
import EventStore
import Events
import Foundation
import HTTPTypes
import Hummingbird

/// Privacy requests over HTTP (administrators): the access-request export as JSON or a
/// print-ready page, legal holds, and erasure by destroying the client's data keys.
struct PrivacyAPI {
    let services: AppServices

    static let holdAnswers = ClientAPI.writeAnswers.merging([404: "Unknown client or hold"]) { $1 }
    static let erasureAnswers = [
        200: "Erased: the client's data keys are destroyed", 400: "Unreadable body", 401: "Not signed in",
        403: "Role or CSRF token missing", 404: "Unknown client", 409: "Under legal hold, already erased, or no keys",
        422: "A field breaks a rule",
    ]

    var endpoints: [Endpoint] {
        [
            Endpoint(
                RouteKey(.get, "/api/clients/:clientId/access-request"),
                .init(.api, "Everything held about the client, personal fields opened, with every view of the file (an access request).", responses: ClientAPI.readAnswers),
                handler: accessJSON),
            Endpoint(
                RouteKey(.get, "/clients/:clientId/access-request"),
                .init(.page, "The access request as one print-ready page.", responses: ClientAPI.readAnswers),
                handler: accessPage),
            Endpoint(
                RouteKey(.post, "/api/clients/:clientId/holds"),
                .init(.api, "Place a legal hold: erasure is refused until it is released.", requestBody: Self.holdSchema, responses: Self.holdAnswers),
                handler: placeHold),
            Endpoint(
                RouteKey(.post, "/api/clients/:clientId/holds/:holdId/release"),
                .init(.api, "Release a legal hold.", requestBody: .object(properties: [:], required: []), responses: Self.holdAnswers),
                handler: releaseHold),
            Endpoint(
                RouteKey(.post, "/api/clients/:clientId/erasure"),
                .init(.api, "Erase the client's personal data: record who, when and why, then destroy their data keys.", requestBody: Self.erasureSchema, responses: Self.erasureAnswers),
                handler: erase),
        ]
    }

    static let holdSchema = JSONSchema.object(properties: ["holdId": Schemas.text, "reason": Schemas.text], required: ["holdId", "reason"])
    static let erasureSchema = JSONSchema.object(
        properties: ["reference": Schemas.text, "ground": .oneOf(ErasureGround.codes)], required: ["reference"])

    struct HoldBody: Decodable { let holdId: String; let reason: String }
    struct ErasureBody: Decodable { let reference: String; let ground: ErasureGround? }
    struct Erased: Encodable { let clientId: ClientID; let erasedOn: CalendarDate; let streamVersion: UInt64 }

    func export(_ context: AppRequestContext) throws -> AccessRequestExport {
        try AccessRequestExport.read(clientId: try context.clientId(), from: services.store, registry: services.registry)
    }

    @Sendable func accessJSON(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try JSONResponse.make(.ok, try export(context))
    }

    @Sendable func accessPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = try export(context).html()
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    @Sendable func placeHold(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try await RequestDecoding.json(HoldBody.self, from: &request)
        let write = try WriteRequest(request, services: services)
        let command = PlaceLegalHold(actor: context.actor, clientId: try context.clientId(), holdId: body.holdId, reason: body.reason)
        return try JSONResponse.written(try await write.run(command, context))
    }

    @Sendable func releaseHold(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let write = try WriteRequest(request, services: services)
        let command = ReleaseLegalHold(actor: context.actor, clientId: try context.clientId(), holdId: try context.pathParameter("holdId"))
        return try JSONResponse.written(try await write.run(command, context))
    }

    @Sendable func erase(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try await RequestDecoding.json(ErasureBody.self, from: &request)
        let service = CaseworkService(log: services.store, timeZone: services.configuration.timeZone, keys: services.keys)
        let command = EraseClient(
            actor: context.actor, clientId: try context.clientId(), ground: body.ground ?? .privacyRequest, reference: body.reference)
        let outcome = try await service.erase(command, correlationId: context.requestId)
        let erased = outcome.events.first as! PersonalDataErased
        return try JSONResponse.make(.ok, Erased(clientId: erased.clientId, erasedOn: erased.erasedOn, streamVersion: outcome.streamVersion))
    }
}
