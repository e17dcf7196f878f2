import Casework
import Events
import Hummingbird

/// Referrals: make one, then accept, decline, complete or cancel it.
struct ReferralAPI {
    let services: AppServices

    /// The steps after a referral is made, by path segment.
    enum Step: String, CaseIterable {
        case accept, decline, complete, cancel

        var summary: String {
            switch self {
            case .accept: "The receiving program or partner accepted the referral."
            case .decline: "The receiving program or partner declined the referral (reason required)."
            case .complete: "The referral was completed."
            case .cancel: "The referral was cancelled (reason required)."
            }
        }

        var schema: JSONSchema { self == .decline || self == .cancel ? Schemas.referralStepWithReason : Schemas.referralStep }
    }

    var endpoints: [Endpoint] {
        let answers = ClientAPI.writeAnswers.merging([404: "Unknown referral or client"]) { $1 }
        return [
            Endpoint(
                RouteKey(.post, "/api/referrals"), .init(.api, "Refer a client to a program or partner.", requestBody: Schemas.referral, responses: answers),
                handler: make)
        ]
            + Step.allCases.map { step in
                Endpoint(
                    RouteKey(.post, "/api/referrals/:referralId/\(step.rawValue)"), .init(.api, step.summary, requestBody: step.schema, responses: answers),
                    handler: { request, context in try await move(request, context, step: step) })
            }
    }

    @Sendable func make(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try await RequestDecoding.json(ReferralBody.self, from: &request)
        let write = try WriteRequest(request, services: services)
        return try JSONResponse.written(try await write.run(body.command(actor: context.actor, defaults: write.defaults), context))
    }

    func move(_ request: Request, _ context: AppRequestContext, step: Step) async throws -> Response {
        var request = request
        let body = try await RequestDecoding.json(ReferralStepBody.self, from: &request)
        let write = try WriteRequest(request, services: services)
        let result = try await Self.run(step, body: body, referralId: try context.referralId(), write: write, context: context)
        return try JSONResponse.written(result)
    }

    /// Runs `step` for the referral; shared with the referral page.
    static func run(_ step: Step, body: ReferralStepBody, referralId: ReferralID, write: WriteRequest, context: AppRequestContext)
        async throws -> WriteResult
    {
        let actor = context.actor
        let on = body.on ?? write.defaults.today
        switch step {
        case .accept: return try await write.run(AcceptReferral(actor: actor, referralId: referralId, acceptedOn: on), context)
        case .decline:
            return try await write.run(DeclineReferral(actor: actor, referralId: referralId, declinedOn: on, reason: body.reason ?? ""), context)
        case .complete:
            return try await write.run(
                CompleteReferral(actor: actor, referralId: referralId, completedOn: on, note: body.note.map { FreeText($0) }), context)
        case .cancel:
            return try await write.run(CancelReferral(actor: actor, referralId: referralId, cancelledOn: on, reason: body.reason ?? ""), context)
        }
    }
}
