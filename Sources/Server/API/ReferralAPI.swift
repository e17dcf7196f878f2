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

    /// What every referral route may answer.
    static let answers = ClientAPI.writeAnswers.merging([404: "Unknown referral or client"]) { $1 }

    static let commandRoutes: [CommandRoute] = [
        CommandRoute(RouteKey(.post, "/api/referrals"), "Refer a client to a program or partner.", schema: Schemas.referral, answers: answers) {
            (body: ReferralBody, source, defaults) in body.command(actor: source.actor, defaults: defaults)
        }
    ]
        + Step.allCases.map { step in
            CommandRoute(
                RouteKey(.post, "/api/referrals/:referralId/\(step.rawValue)"), step.summary, schema: step.schema, answers: answers,
                commandName: step.commandName
            ) { (body: ReferralStepBody, source, defaults) in
                step.command(body, referralId: try source.referralId(), actor: source.actor, today: defaults.today)
            }
        }

    var endpoints: [Endpoint] { Self.commandRoutes.map { $0.endpoint(services) } }

    /// Runs `step` for the referral from the referral page's form.
    static func run(_ step: Step, body: ReferralStepBody, referralId: ReferralID, write: WriteRequest, context: AppRequestContext)
        async throws -> WriteResult
    {
        try await write.run(step.command(body, referralId: referralId, actor: context.actor, today: write.defaults.today), context)
    }
}

extension ReferralAPI.Step {
    /// The Casework command the step runs.
    var commandName: String {
        switch self {
        case .accept: "AcceptReferral"
        case .decline: "DeclineReferral"
        case .complete: "CompleteReferral"
        case .cancel: "CancelReferral"
        }
    }

    /// The step as a command by `actor`, dated `body.on` or `today`.
    func command(_ body: ReferralStepBody, referralId: ReferralID, actor: ActingUser, today: CalendarDate) -> any Command {
        let on = body.on ?? today
        return switch self {
        case .accept: AcceptReferral(actor: actor, referralId: referralId, acceptedOn: on)
        case .decline: DeclineReferral(actor: actor, referralId: referralId, declinedOn: on, reason: body.reason ?? "")
        case .complete: CompleteReferral(actor: actor, referralId: referralId, completedOn: on, note: body.note.map { FreeText($0) })
        case .cancel: CancelReferral(actor: actor, referralId: referralId, cancelledOn: on, reason: body.reason ?? "")
        }
    }
}
