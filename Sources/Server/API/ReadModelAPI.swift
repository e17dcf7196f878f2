import Casework
import Events
import EventStore
import Foundation
import Hummingbird
import Projections

/// The other read models: a worker's caseload, the membership register, elections and
/// receipts, and the partnership's gaps.
struct ReadModelAPI {
    let services: AppServices

    var endpoints: [Endpoint] {
        let answers = AdminAPI.readAnswers
        return [
            Endpoint(
                RouteKey(.get, "/api/caseload"),
                .init(.api, "A worker's open cases with pending referrals and overdue follow-ups (worker defaults to you; page, pageSize).", responses: answers),
                handler: { request, context in
                    let (caseload, position) = try await caseloadAt(request, context)
                    return try services.readCache.json("caseload|\(caseload.workerId)|\(caseload.today)|\(request.uri.query ?? "")", position: position) { caseload }
                }),
            Endpoint(
                RouteKey(.get, "/api/membership"),
                .init(.api, "The membership register as of a day (asOf, default today), with members lapsing within lapsingWithinDays (default 30).", responses: answers),
                handler: { request, context in try JSONResponse.make(.ok, try await register(request, context)) }),
            Endpoint(
                RouteKey(.get, "/api/elections"), .init(.api, "Every election called, with its stage.", responses: answers),
                handler: { _, _ in try JSONResponse.make(.ok, try ElectionList(store: services.store).all()) }),
            Endpoint(
                RouteKey(.get, "/api/elections/:electionId"),
                .init(.api, "An election's turnout and, once closed, its results (never who voted for whom).", responses: answers),
                handler: { _, context in
                    let models = try await services.models(for: context)
                    return try JSONResponse.make(.ok, try models.electionResults(id: try context.electionId().rawValue))
                }),
            Endpoint(
                RouteKey(.get, "/api/elections/:electionId/receipts"),
                .init(.api, "Whether a ballot with this receipt code (code=...) was recorded.", responses: answers),
                handler: { request, context in
                    let code = try QueryReader(request).required("code", example: "ABCDE-FGHJK-MNPQR-STVWX")
                    return try JSONResponse.make(.ok, try ReceiptCheck(store: services.store).check(election: try context.electionId(), code: code))
                }),
            Endpoint(
                RouteKey(.get, "/api/partnership-gaps"),
                .init(.api, "Needs identified against services and referrals, by domain and partner (month=YYYY-MM or fiscalYear=YYYY; default this fiscal year).", responses: answers),
                handler: { request, context in try JSONResponse.make(.ok, try await gaps(request, context)) }),
        ]
    }

    func caseload(_ request: Request, _ context: AppRequestContext) async throws -> Caseload {
        try await caseloadAt(request, context).caseload
    }

    /// The caseload the query asks for, and the log position it was computed at.
    func caseloadAt(_ request: Request, _ context: AppRequestContext) async throws -> (caseload: Caseload, position: UInt64) {
        let query = QueryReader(request)
        let worker = query.text("worker") ?? context.actor.userId.rawValue
        if worker != context.actor.userId.rawValue, !context.actor.roles.contains(.supervisor) {
            throw ProblemDetails(.forbidden, detail: "Only a supervisor may see another worker's caseload.", errors: [FieldProblem(field: "worker", problem: "is not you, and you are not a supervisor")])
        }
        let page = try query.integer("page", in: 0...100_000) ?? 0
        let pageSize = try query.integer("pageSize", in: 1...500) ?? 50
        let models = try await services.models(for: context)
        let today = services.today
        let caseload = try services.readCache.value("caseload|\(worker)|\(today)|\(page)|\(pageSize)", position: models.position) {
            try models.caseload(worker: worker, today: today, page: page, pageSize: pageSize)
        }
        return (caseload, models.position)
    }

    func register(_ request: Request, _ context: AppRequestContext) async throws -> MembershipRegister {
        let query = QueryReader(request)
        let asOf = try query.date("asOf") ?? services.today
        let days = try query.integer("lapsingWithinDays", in: 0...3_650) ?? 30
        let models = try await services.models(for: context)
        return try services.readCache.value("register|\(asOf)|\(days)", position: models.position) {
            try models.membershipRegister(asOf: asOf, lapsingWithinDays: days)
        }
    }

    func gaps(_ request: Request, _ context: AppRequestContext) async throws -> GapsView {
        let query = QueryReader(request)
        let period = query.values["month"] == nil && query.values["fiscalYear"] == nil
            ? ReportPeriod.fiscalYear(containing: services.today) : try query.reportPeriod()
        let models = try await services.models(for: context)
        return try services.readCache.value("gaps|\(period.start)|\(period.end)", position: models.position) {
            GapsView(try models.partnershipGaps(over: period))
        }
    }
}

/// Partnership gaps with partners' referral counts keyed by domain code.
struct GapsView: Encodable, Sendable {
    struct Partner: Encodable, Sendable {
        let partnerId: String
        let name: String
        let referralsByDomain: [String: Int]
    }

    let period: ReportPeriod
    let domains: [DomainGaps]
    let partners: [Partner]

    init(_ gaps: PartnershipGaps) {
        period = gaps.period
        domains = gaps.domains
        partners = gaps.partners.map { partner in
            Partner(
                partnerId: partner.partnerId, name: partner.name,
                referralsByDomain: Dictionary(uniqueKeysWithValues: partner.referralsByDomain.map { ($0.key.rawValue, $0.value) }))
        }
    }
}

/// An election in the list.
struct ElectionSummary: Encodable {
    let electionId: String
    let title: String
    let meetingOn: CalendarDate
    let recordDate: CalendarDate
    let stage: String
}

/// Elections read from the `election` streams (one or two a year).
struct ElectionList {
    let store: EventStore

    func all() throws -> [ElectionSummary] {
        try LogDirectory(log: store).allStates(ElectionState.self, category: StreamID.electionCategory).compactMap { state in
            guard let called = state.called else { return nil }
            let stage = state.isClosed ? "closed" : state.isOpen ? "open" : state.roll != nil ? "rollFixed" : "called"
            return ElectionSummary(
                electionId: called.electionId.rawValue, title: called.title, meetingOn: called.meetingOn, recordDate: called.recordDate, stage: stage)
        }
    }

    /// The election's state, or 404.
    func state(_ electionId: ElectionID) throws -> ElectionState {
        let stream = StreamID.election(electionId)
        let history = try StreamHistory(streamId: stream, records: store.readStream(stream))
        let state = ElectionState.folded(try history.effectiveEvents())
        guard state.called != nil else {
            throw ProblemDetails(.notFound, detail: "There is no election \(electionId).", errors: [FieldProblem(field: "electionId", problem: "names no election (\(electionId))")])
        }
        return state
    }
}

/// Checks a voter's receipt code against the ballots recorded.
struct ReceiptCheck {
    struct Answer: Encodable {
        let electionId: String
        let recorded: Bool
        let explanation: String
    }

    let store: EventStore

    func check(election: ElectionID, code: String) throws -> Answer {
        let state = try ElectionList(store: store).state(election)
        let recorded = state.containsBallot(withReceipt: code)
        let explanation =
            recorded
            ? "A ballot with this receipt is in the count."
            : state.isClosed
                ? "No ballot with this receipt was counted. Check the code, then tell the election officer."
                : "Not found yet: ballots are opened and counted when balloting closes. Check again after the close."
        return Answer(electionId: election.rawValue, recorded: recorded, explanation: explanation)
    }
}

