import Casework
import Events
import Foundation
import Hummingbird
import Logging

/// Elections: call the meeting, positions, candidates, fix the roll, open, cast, close.
struct ElectionAPI {
    let services: AppServices

    struct CallBody: Decodable { let electionId: ElectionID?; let title: String; let noticeGivenOn: CalendarDate?; let meetingOn: CalendarDate; let recordDate: CalendarDate }
    struct PositionBody: Decodable { let positionId: PositionID?; let title: String; let seats: Int }
    struct CandidateBody: Decodable { let positionId: PositionID; let candidateId: CandidateID?; let memberId: MemberID; let displayName: String }
    struct BallotBody: Decodable { let voter: MemberID?; let selections: [PositionSelection] }

    /// What a voter is told once: the receipt code to check their ballot was counted.
    struct Receipt: Encodable { let electionId: String; let receiptCode: String }

    static let selection = JSONSchema.object(properties: ["positionId": .string(), "candidateIds": .array(.string())], required: ["positionId", "candidateIds"])

    static let commandRoutes: [CommandRoute] = [
        CommandRoute(
            RouteKey(.post, "/api/elections"), "Call a general meeting with a board election.",
            schema: .object(
                properties: ["electionId": .string(), "title": .string(), "noticeGivenOn": Schemas.day, "meetingOn": Schemas.date, "recordDate": Schemas.date],
                required: ["title", "meetingOn", "recordDate"])
        ) { (b: CallBody, c, d) in
            CallMeeting(
                actor: c.actor, electionId: b.electionId ?? ElectionID(d.newId()), title: b.title, noticeGivenOn: b.noticeGivenOn ?? d.today,
                meetingOn: b.meetingOn, recordDate: b.recordDate)
        },
        CommandRoute(
            RouteKey(.post, "/api/elections/:electionId/positions"), "Add a position to be elected.",
            schema: .object(properties: ["positionId": .string(), "title": .string(), "seats": .integer()], required: ["title", "seats"])
        ) { (b: PositionBody, c, d) in
            AddPosition(actor: c.actor, electionId: try c.electionId(), positionId: b.positionId ?? PositionID(d.newId()), title: b.title, seats: b.seats)
        },
        CommandRoute(
            RouteKey(.post, "/api/elections/:electionId/candidates"), "Nominate a member for a position.",
            schema: .object(
                properties: ["positionId": .string(), "candidateId": .string(), "memberId": .string(), "displayName": .string()],
                required: ["positionId", "memberId", "displayName"])
        ) { (b: CandidateBody, c, d) in
            NominateCandidate(
                actor: c.actor, electionId: try c.electionId(), positionId: b.positionId, candidateId: b.candidateId ?? CandidateID(d.newId()),
                memberId: b.memberId, displayName: b.displayName)
        },
        CommandRoute(RouteKey(.post, "/api/elections/:electionId/roll"), "Fix the voter roll from members in good standing on the record date.", schema: Schemas.empty) {
            (_: EmptyBody, c, _) in FixVoterRoll(actor: c.actor, electionId: try c.electionId())
        },
        CommandRoute(RouteKey(.post, "/api/elections/:electionId/open"), "Open balloting.", schema: Schemas.empty) {
            (_: EmptyBody, c, _) in OpenBalloting(actor: c.actor, electionId: try c.electionId())
        },
    ]

    var endpoints: [Endpoint] {
        Self.commandRoutes.map { $0.endpoint(services) } + [
            Endpoint(
                RouteKey(.post, "/api/elections/:electionId/ballots"),
                .init(
                    .api, "Cast a secret ballot (a member for themselves; an election officer enters a paper ballot for voter). The receipt code is shown only in this answer.",
                    requestBody: .object(properties: ["voter": .string(), "selections": .array(Self.selection)], required: ["selections"]),
                    responses: CommandRoute.answers.filter { $0.key != 200 }),
                handler: cast),
            Endpoint(
                RouteKey(.post, "/api/elections/:electionId/close"),
                .init(.api, "Close balloting: record every held ballot and the tally.", requestBody: Schemas.empty, responses: CommandRoute.answers.filter { $0.key != 200 }),
                handler: close),
        ]
    }

    @Sendable func cast(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try await RequestDecoding.json(BallotBody.self, from: &request)
        let receipt = try await Self.cast(body, services: services, context: context)
        return try JSONResponse.make(.created, receipt)
    }

    /// Casts `body` through the long-lived ballot service; shared with the ballot page.
    static func cast(_ body: BallotBody, services: AppServices, context: AppRequestContext) async throws -> Receipt {
        let actor = context.actor
        guard let voter = body.voter ?? actor.memberId else {
            throw ProblemDetails(.unprocessableContent, detail: "Say whose ballot this is.", errors: [FieldProblem(field: "voter", problem: "is required: your account is not a member's")])
        }
        if actor.roles.contains(.member), !actor.roles.contains(.electionOfficer), voter != actor.memberId {
            throw ProblemDetails(.forbidden, detail: "A member votes only in their own name.", errors: [FieldProblem(field: "voter", problem: "is not you")])
        }
        let request = CastBallot(actor: actor, electionId: try context.electionId(), voter: voter, selections: body.selections)
        let receipt = try await services.ballots.castBallot(request, correlationId: context.requestId)
        context.logger.info("ballot cast", metadata: ["election": .string(receipt.electionId.rawValue)])
        return Receipt(electionId: receipt.electionId.rawValue, receiptCode: receipt.code)
    }

    @Sendable func close(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        _ = try await RequestDecoding.json(EmptyBody.self, from: &request)
        let outcome = try await services.ballots.closeBalloting(
            CloseBalloting(actor: context.actor, electionId: try context.electionId()), correlationId: context.requestId)
        let result = WriteResult(
            streamId: StreamID.election(try context.electionId()), streamVersion: outcome.streamVersion, eventIds: outcome.eventIds,
            positions: outcome.positions, replayed: false)
        WriteRequest(services: services).noteWritten(result, context)
        return try JSONResponse.written(result)
    }
}
