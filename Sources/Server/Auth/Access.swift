public import Casework
public import Events
public import HTTPTypes

/// Who may call a route.
public enum Access: Sendable, Hashable {
    /// Anyone, signed in or not (the sign-in page, the OpenAPI document).
    case anyone
    /// Any signed-in user.
    case signedIn
    /// Whoever Casework's role table allows to issue the command.
    case command(CommandName)
    /// Holders of these roles.
    case roles(Set<Role>)

    /// The roles allowed, or nil when no role is needed.
    public var allowedRoles: Set<Role>? {
        switch self {
        case .anyone, .signedIn: nil
        case .command(let name): RolePolicy.roles(for: name)
        case .roles(let roles): roles
        }
    }

    /// True when the route needs a session.
    public var needsSession: Bool { self != .anyone }
}

/// A route's method and path pattern (`/api/clients/:clientId`).
public struct RouteKey: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP method.
    public let method: HTTPRequest.Method
    /// The path with `:name` parameters.
    public let path: String

    /// The route `method path`.
    public init(_ method: HTTPRequest.Method, _ path: String) {
        self.method = method
        self.path = path
    }

    public var description: String { "\(method.rawValue) \(path)" }
}

/// The one table of who may call which route. Every route the server registers must have an
/// entry (a route without one is refused to everybody), and a test walks every entry with
/// every role.
public enum RouteAccess {
    /// Staff who may read a client's file (the roles that may record a file view).
    static let fileReaders = RolePolicy.roles(for: .recordFileView)

    /// Who reads funder reports and contracts.
    static let reportReaders: Set<Role> = [.accountant, .administrator, .supervisor]
    /// Who runs the membership register.
    static let registrars: Set<Role> = [.administrator, .accountant]
    /// Who sees partner agencies and funder contracts: those who change either.
    static let partnerReaders = RolePolicy.roles(for: .updatePartner).union(RolePolicy.roles(for: .amendContract))
    /// Who runs elections.
    static let electionOfficers = RolePolicy.roles(for: .openBalloting)

    /// Route to access.
    public static let table: [RouteKey: Access] = [
        RouteKey(.get, "/openapi.json"): .anyone,
        RouteKey(.get, "/health"): .anyone,
        // Sessions
        RouteKey(.post, "/api/session"): .anyone,
        RouteKey(.get, "/api/session"): .signedIn,
        RouteKey(.delete, "/api/session"): .signedIn,
        // Clients
        RouteKey(.post, "/api/clients"): .command(.registerClient),
        RouteKey(.get, "/api/clients"): .roles(fileReaders),
        RouteKey(.get, "/api/clients/:clientId"): .roles(fileReaders),
        RouteKey(.get, "/api/clients/:clientId/file"): .roles(fileReaders),
        // Privacy requests: the access export is an administrator's answer to the person.
        RouteKey(.get, "/api/clients/:clientId/access-request"): .roles([.administrator]),
        RouteKey(.get, "/clients/:clientId/access-request"): .roles([.administrator]),
        RouteKey(.post, "/api/clients/:clientId/holds"): .command(.placeLegalHold),
        RouteKey(.post, "/api/clients/:clientId/holds/:holdId/release"): .command(.releaseLegalHold),
        RouteKey(.post, "/api/clients/:clientId/erasure"): .command(.eraseClient),
        RouteKey(.get, "/api/privacy/retention"): .roles([.administrator]),
        RouteKey(.get, "/admin/privacy"): .roles([.administrator]),
        RouteKey(.post, "/admin/privacy/retention"): .command(.eraseClient),
        RouteKey(.get, "/admin/privacy/clients/:clientId"): .roles([.administrator]),
        RouteKey(.post, "/admin/privacy/clients/:clientId/holds"): .command(.placeLegalHold),
        RouteKey(.post, "/admin/privacy/clients/:clientId/holds/:holdId/release"): .command(.releaseLegalHold),
        RouteKey(.post, "/admin/privacy/clients/:clientId/erasure"): .command(.eraseClient),
        RouteKey(.post, "/api/clients/:clientId/services"): .command(.recordService),
        RouteKey(.post, "/api/clients/:clientId/follow-ups"): .command(.scheduleFollowUp),
        // Referrals
        RouteKey(.post, "/api/referrals"): .command(.makeReferral),
        RouteKey(.post, "/api/referrals/:referralId/accept"): .command(.acceptReferral),
        RouteKey(.post, "/api/referrals/:referralId/decline"): .command(.declineReferral),
        RouteKey(.post, "/api/referrals/:referralId/complete"): .command(.completeReferral),
        RouteKey(.post, "/api/referrals/:referralId/cancel"): .command(.cancelReferral),
        // The rest of a client's commands
        RouteKey(.post, "/api/clients/:clientId/details"): .command(.updateClientDetails),
        RouteKey(.post, "/api/clients/:clientId/consents"): .command(.recordConsent),
        RouteKey(.post, "/api/clients/:clientId/needs"): .command(.assessNeeds),
        RouteKey(.post, "/api/clients/:clientId/needs/reassess"): .command(.reassessNeeds),
        RouteKey(.post, "/api/clients/:clientId/plan"): .command(.setSettlementPlan),
        RouteKey(.post, "/api/clients/:clientId/goals/:goalId/achieved"): .command(.recordGoalAchieved),
        RouteKey(.post, "/api/clients/:clientId/case/open"): .command(.openCase),
        RouteKey(.post, "/api/clients/:clientId/case/assign"): .command(.assignCase),
        RouteKey(.post, "/api/clients/:clientId/case/transfer"): .command(.transferCase),
        RouteKey(.post, "/api/clients/:clientId/follow-ups/:followUpId/complete"): .command(.completeFollowUp),
        RouteKey(.post, "/api/clients/:clientId/case/close"): .command(.closeCase),
        RouteKey(.post, "/api/clients/:clientId/case/reopen"): .command(.reopenCase),
        // Partners, contracts, membership
        RouteKey(.post, "/api/partners"): .command(.registerPartner),
        RouteKey(.post, "/api/partners/:partnerId"): .command(.updatePartner),
        RouteKey(.post, "/api/contracts"): .command(.signContract),
        RouteKey(.post, "/api/contracts/:contractId/amend"): .command(.amendContract),
        RouteKey(.post, "/api/members"): .command(.applyForMembership),
        RouteKey(.post, "/api/members/:memberId/approve"): .command(.approveMember),
        RouteKey(.post, "/api/members/:memberId/reject"): .command(.rejectMember),
        RouteKey(.post, "/api/members/:memberId/dues"): .command(.recordDues),
        RouteKey(.post, "/api/members/:memberId/representative"): .command(.changeRepresentative),
        RouteKey(.post, "/api/members/:memberId/lapse"): .command(.recordLapse),
        // Elections
        RouteKey(.post, "/api/elections"): .command(.callMeeting),
        RouteKey(.post, "/api/elections/:electionId/positions"): .command(.addPosition),
        RouteKey(.post, "/api/elections/:electionId/candidates"): .command(.nominateCandidate),
        RouteKey(.post, "/api/elections/:electionId/roll"): .command(.fixVoterRoll),
        RouteKey(.post, "/api/elections/:electionId/open"): .command(.openBalloting),
        RouteKey(.post, "/api/elections/:electionId/ballots"): .command(.castBallot),
        RouteKey(.post, "/api/elections/:electionId/close"): .command(.closeBalloting),
        // Users
        RouteKey(.post, "/api/users"): .command(.createUser),
        RouteKey(.post, "/api/users/:userId/roles/grant"): .command(.grantRole),
        RouteKey(.post, "/api/users/:userId/roles/revoke"): .command(.revokeRole),
        RouteKey(.post, "/api/users/:userId/password"): .command(.setPassword),
        RouteKey(.post, "/api/users/:userId/disable"): .command(.disableUser),
        // Corrections (Casework checks the stream's kind)
        RouteKey(.post, "/api/corrections/correct"): .roles(CorrectionAPI.correctors),
        RouteKey(.post, "/api/corrections/void"): .roles(CorrectionAPI.voiders),
        // Read models
        RouteKey(.get, "/api/caseload"): .roles([.worker, .supervisor]),
        RouteKey(.get, "/api/contracts"): .roles(reportReaders),
        RouteKey(.get, "/api/reports/funder"): .roles(reportReaders),
        RouteKey(.get, "/api/reports/funder/explain"): .roles(reportReaders),
        RouteKey(.get, "/api/reports/funder/csv"): .roles(reportReaders),
        RouteKey(.get, "/api/reports/funder/xlsx"): .roles(reportReaders),
        RouteKey(.get, "/api/membership"): .roles(registrars),
        RouteKey(.get, "/api/elections"): .signedIn,
        RouteKey(.get, "/api/elections/:electionId"): .signedIn,
        RouteKey(.get, "/api/elections/:electionId/receipts"): .signedIn,
        RouteKey(.get, "/api/partnership-gaps"): .roles([.supervisor, .administrator]),
        RouteKey(.get, "/api/audit"): .roles([.administrator]),
        RouteKey(.get, "/api/replay"): .roles([.administrator]),
        RouteKey(.get, "/api/verification"): .roles([.administrator]),
        RouteKey(.post, "/api/verification"): .roles([.administrator]),
        RouteKey(.get, "/api/projections"): .roles([.administrator]),
        RouteKey(.get, "/api/users"): .roles([.administrator]),
        RouteKey(.get, "/api/events/:position"): .roles([.administrator, .accountant]),
        // Pages
        RouteKey(.get, "/"): .signedIn,
        RouteKey(.get, "/login"): .anyone,
        RouteKey(.post, "/login"): .anyone,
        RouteKey(.post, "/logout"): .signedIn,
        RouteKey(.get, "/clients"): .roles(fileReaders),
        RouteKey(.get, "/clients/new"): .command(.registerClient),
        RouteKey(.post, "/clients/new"): .command(.registerClient),
        RouteKey(.get, "/clients/:clientId"): .roles(fileReaders),
        RouteKey(.post, "/clients/:clientId/services"): .command(.recordService),
        RouteKey(.post, "/clients/:clientId/follow-ups"): .command(.scheduleFollowUp),
        RouteKey(.post, "/clients/:clientId/referrals"): .command(.makeReferral),
        RouteKey(.post, "/clients/:clientId/case"): .command(.openCase),
        RouteKey(.post, "/referrals/:referralId/move"): .roles(RolePolicy.roles(for: .acceptReferral)),
        RouteKey(.get, "/caseload"): .roles([.worker, .supervisor]),
        RouteKey(.get, "/reports"): .roles(reportReaders),
        RouteKey(.get, "/reports/explain"): .roles(reportReaders),
        RouteKey(.post, "/reports/contracts"): .command(.signContract),
        RouteKey(.get, "/events/:position"): .roles([.administrator, .accountant]),
        RouteKey(.get, "/admin/audit"): .roles([.administrator]),
        RouteKey(.get, "/admin/replay"): .roles([.administrator]),
        RouteKey(.get, "/admin/verification"): .roles([.administrator]),
        RouteKey(.post, "/admin/verification"): .roles([.administrator]),
        RouteKey(.get, "/admin/users"): .roles([.administrator]),
        RouteKey(.post, "/admin/users"): .command(.createUser),
        RouteKey(.post, "/admin/users/:userId/roles"): .command(.grantRole),
        RouteKey(.post, "/admin/users/:userId/disable"): .command(.disableUser),
        RouteKey(.get, "/membership"): .roles(registrars),
        RouteKey(.post, "/membership/apply"): .command(.applyForMembership),
        RouteKey(.post, "/membership/:memberId/decision"): .command(.approveMember),
        RouteKey(.post, "/membership/:memberId/dues"): .command(.recordDues),
        RouteKey(.get, "/gaps"): .roles([.supervisor, .administrator]),
        RouteKey(.get, "/elections"): .signedIn,
        RouteKey(.post, "/elections"): .command(.callMeeting),
        RouteKey(.get, "/elections/:electionId"): .signedIn,
        RouteKey(.post, "/elections/:electionId/positions"): .command(.addPosition),
        RouteKey(.post, "/elections/:electionId/candidates"): .command(.nominateCandidate),
        RouteKey(.post, "/elections/:electionId/step"): .command(.openBalloting),
        RouteKey(.get, "/elections/:electionId/ballot"): .command(.castBallot),
        RouteKey(.post, "/elections/:electionId/ballot"): .command(.castBallot),
        RouteKey(.get, "/receipts"): .signedIn,
        RouteKey(.get, "/partners"): .roles(partnerReaders),
        RouteKey(.post, "/partners"): .command(.registerPartner),
        RouteKey(.get, "/partners/:partnerId"): .command(.updatePartner),
        RouteKey(.post, "/partners/:partnerId"): .command(.updatePartner),
        RouteKey(.post, "/contracts/:contractId/amend"): .command(.amendContract),
        RouteKey(.get, "/clients/:clientId/corrections/:eventId"): .roles(CorrectionPages.correctors),
        // As the API's correction routes: Casework checks the stream's kind (a client's facts).
        RouteKey(.post, "/clients/:clientId/corrections/:eventId/correct"): .roles(CorrectionAPI.correctors),
        RouteKey(.post, "/clients/:clientId/corrections/:eventId/void"): .roles(CorrectionAPI.voiders),
    ]

    /// The entry for `key`; a route missing from the table is open to nobody.
    public static func access(for key: RouteKey) -> Access {
        table[key] ?? .roles([])
    }
}
