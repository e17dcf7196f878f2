import Casework
import Events
import Foundation
import Hummingbird
import Projections

/// Elections: call the meeting, positions, candidates, fix the roll, open, close, results;
/// the member's ballot (receipt shown once) and the receipt check.
struct ElectionPages {
    let services: AppServices

    var endpoints: [Endpoint] {
        let form = PageForm.mediaType
        return [
            Endpoint(RouteKey(.get, "/elections"), .init(.page, "Elections: those called, and a form to call one.", responses: [200: "Page"]), handler: { _, context in try await list(context, values: [:], problems: [], status: .ok) }),
            Endpoint(RouteKey(.post, "/elections"), .init(.page, "Call a meeting with a board election.", requestMediaType: form, responses: PageForm.answers), handler: call),
            Endpoint(RouteKey(.get, "/elections/:electionId"), .init(.page, "One election: positions, candidates, the steps, results.", responses: [200: "Page", 404: "Unknown election"]), handler: { _, context in try await election(context, problems: [], status: .ok) }),
            Endpoint(RouteKey(.post, "/elections/:electionId/positions"), .init(.page, "Add a position.", requestMediaType: form, responses: PageForm.answers), handler: addPosition),
            Endpoint(RouteKey(.post, "/elections/:electionId/candidates"), .init(.page, "Nominate a candidate.", requestMediaType: form, responses: PageForm.answers), handler: nominate),
            Endpoint(RouteKey(.post, "/elections/:electionId/step"), .init(.page, "Fix the roll, open or close balloting.", requestMediaType: form, responses: PageForm.answers), handler: step),
            Endpoint(RouteKey(.get, "/elections/:electionId/ballot"), .init(.page, "The ballot.", responses: [200: "Page", 404: "Unknown election"]), handler: { _, context in try await ballot(context, problems: [], status: .ok) }),
            Endpoint(RouteKey(.post, "/elections/:electionId/ballot"), .init(.page, "Cast the ballot; the receipt code is shown once.", requestMediaType: form, responses: [200: "Receipt", 403: "Not yours to cast", 404: "Unknown election", 409: "Already voted or closed", 422: "A choice breaks a rule"]), handler: cast),
            Endpoint(RouteKey(.get, "/receipts"), .init(.page, "Check that a ballot with a receipt code was counted.", responses: [200: "Page", 404: "Unknown election"]), handler: receipt),
        ]
    }

    func list(_ context: AppRequestContext, values: [String: Any], problems: [FieldProblem], status: HTTPResponse.Status) async throws -> Response {
        var page = values
        page["elections"] = try ElectionList(store: services.store).all().map { ["electionId": $0.electionId, "title": $0.title, "meetingOn": $0.meetingOn.description, "stage": ReportLabels.words($0.stage), "open": $0.stage == "open"] }
        page["isOfficer"] = !context.actor.roles.isDisjoint(with: RouteAccess.electionOfficers)
        return services.pages.render("elections", title: "Elections", values: page, context: context, problems: problems, status: status)
    }

    @Sendable func call(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/elections") {
            let body = try FormDecoding.decode(ElectionAPI.CallBody.self, ["title": form["title"] ?? "", "meetingOn": form["meetingOn"] ?? "", "recordDate": form["recordDate"] ?? ""])
            let write = WriteRequest(services: services)
            _ = try await write.run(
                CallMeeting(actor: context.actor, electionId: ElectionID(write.defaults.newId()), title: body.title, noticeGivenOn: write.defaults.today, meetingOn: body.meetingOn, recordDate: body.recordDate), context)
        } rerender: { problems, status in try await list(context, values: form.values, problems: problems, status: status) }
    }

    func election(_ context: AppRequestContext, problems: [FieldProblem], status: HTTPResponse.Status) async throws -> Response {
        let electionId = try context.electionId()
        let state = try ElectionList(store: services.store).state(electionId)
        var values: [String: Any] = [
            "electionId": electionId.rawValue, "meetingOn": state.called!.meetingOn.description, "recordDate": state.called!.recordDate.description,
            "positions": state.positions.map { position in
                ["positionId": position.positionId.rawValue, "title": position.title, "seats": position.seats,
                 "candidates": state.candidates.filter { $0.positionId == position.positionId }.map { ["displayName": $0.displayName, "memberId": $0.memberId.rawValue] }] as [String: Any]
            },
            "canFix": state.roll == nil, "canOpen": state.roll != nil && !state.isOpen, "canClose": state.isOpen && !state.isClosed,
            "rollSize": state.roll?.count ?? 0, "hasRoll": state.roll != nil, "isOfficer": !context.actor.roles.isDisjoint(with: RouteAccess.electionOfficers),
        ]
        if state.isClosed {
            let results = try await services.models(for: context).electionResults(id: electionId.rawValue)
            values["results"] = [
                "voted": results.voted, "rollSize": results.rollSize, "turnout": String(format: "%.1f", Double(results.turnoutBasisPoints) / 100),
                "positions": results.positions.map { position in
                    ["title": position.title, "candidates": position.candidates.map { ["displayName": $0.displayName, "votes": $0.votes.map(String.init) ?? "—", "elected": $0.elected] }] as [String: Any]
                },
            ] as [String: Any]
        }
        return services.pages.render("election", title: state.called!.title, values: values, context: context, problems: problems, status: status)
    }

    @Sendable func addPosition(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/elections/\(try context.electionId().rawValue)") {
            let body = try FormDecoding.decode(ElectionAPI.PositionBody.self, ["title": form["title"] ?? "", "seats": FormDecoding.number(form["seats"]) ?? ""])
            let write = WriteRequest(services: services)
            _ = try await write.run(AddPosition(actor: context.actor, electionId: try context.electionId(), positionId: PositionID(write.defaults.newId()), title: body.title, seats: body.seats), context)
        } rerender: { problems, status in try await election(context, problems: problems, status: status) }
    }

    @Sendable func nominate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/elections/\(try context.electionId().rawValue)") {
            let body = try FormDecoding.decode(
                ElectionAPI.CandidateBody.self, ["positionId": form["positionId"] ?? "", "memberId": form["memberId"] ?? "", "displayName": form["candidateName"] ?? ""])
            let write = WriteRequest(services: services)
            _ = try await write.run(
                NominateCandidate(actor: context.actor, electionId: try context.electionId(), positionId: body.positionId, candidateId: CandidateID(write.defaults.newId()), memberId: body.memberId, displayName: body.displayName), context)
        } rerender: { problems, status in try await election(context, problems: problems, status: status) }
    }

    @Sendable func step(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        let electionId = try context.electionId()
        return try await PageForm.post(redirect: "/elections/\(electionId.rawValue)") {
            let write = WriteRequest(services: services)
            switch form["step"] {
            case "roll": _ = try await write.run(FixVoterRoll(actor: context.actor, electionId: electionId), context)
            case "open": _ = try await write.run(OpenBalloting(actor: context.actor, electionId: electionId), context)
            case "close":
                let outcome = try await services.ballots.closeBalloting(CloseBalloting(actor: context.actor, electionId: electionId), correlationId: context.requestId)
                write.noteWritten(WriteResult(streamId: StreamID.election(electionId), streamVersion: outcome.streamVersion, eventIds: outcome.eventIds, positions: outcome.positions, replayed: false), context)
            default:
                throw ProblemDetails(.unprocessableContent, detail: "Choose a step.", errors: [FieldProblem(field: "step", problem: "is not one of roll, open, close")])
            }
        } rerender: { problems, status in try await election(context, problems: problems, status: status) }
    }

    func ballot(_ context: AppRequestContext, problems: [FieldProblem], status: HTTPResponse.Status) async throws -> Response {
        let electionId = try context.electionId()
        let state = try ElectionList(store: services.store).state(electionId)
        let values: [String: Any] = [
            "electionId": electionId.rawValue, "open": state.acceptsBallots,
            "positions": state.positions.map { position in
                ["positionId": position.positionId.rawValue, "title": position.title, "seats": position.seats, "several": position.seats > 1,
                 "candidates": state.candidates.filter { $0.positionId == position.positionId }.map { ["candidateId": $0.candidateId.rawValue, "displayName": $0.displayName] }] as [String: Any]
            },
        ]
        return services.pages.render("ballot", title: "Ballot: \(state.called!.title)", values: values, context: context, problems: problems, status: status)
    }

    @Sendable func cast(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        let electionId = try context.electionId()
        do {
            let state = try ElectionList(store: services.store).state(electionId)
            let selections = state.positions.map { position in
                PositionSelection(
                    positionId: position.positionId,
                    candidateIds: state.candidates.filter { $0.positionId == position.positionId && form["choice-\(position.positionId.rawValue)-\($0.candidateId.rawValue)"] == "yes" }.map(\.candidateId))
            }
            let receipt = try await ElectionAPI.cast(ElectionAPI.BallotBody(voter: nil, selections: selections), services: services, context: context)
            return services.pages.render("receipt", title: "Your ballot is in", values: ["receiptCode": receipt.receiptCode, "electionId": electionId.rawValue], context: context)
        } catch let error where error.pageProblems != nil {
            let (status, problems) = error.pageProblems!
            return try await ballot(context, problems: problems, status: status)
        }
    }

    @Sendable func receipt(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = QueryReader(request)
        var values: [String: Any] = reader.values
        values["elections"] = try ElectionList(store: services.store).all().map { ["electionId": $0.electionId, "title": $0.title, "selected": $0.electionId == reader.text("electionId")] }
        if let election = reader.text("electionId"), let code = reader.text("code") {
            let answer = try ReceiptCheck(store: services.store).check(election: ElectionID(election), code: code)
            values["checked"] = true
            values["recorded"] = answer.recorded
            values["explanation"] = answer.explanation
        }
        return services.pages.render("receipts", title: "Check a receipt", values: values, context: context)
    }
}
