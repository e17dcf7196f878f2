public import Events

/// Every command, named for the role table.
public enum CommandName: String, Sendable, CaseIterable {
    case registerClient, updateClientDetails, recordConsent
    case assessNeeds, reassessNeeds, setSettlementPlan, recordGoalAchieved
    case openCase, assignCase, transferCase, scheduleFollowUp, completeFollowUp, closeCase, reopenCase
    case recordService
    case makeReferral, acceptReferral, declineReferral, completeReferral, cancelReferral
    case registerPartner, updatePartner, signContract, amendContract
    case applyForMembership, approveMember, rejectMember, recordDues, changeRepresentative, recordLapse
    case callMeeting, addPosition, nominateCandidate, fixVoterRoll, openBalloting, castBallot, closeBalloting
    case createUser, grantRole, revokeRole, setPassword, disableUser
    case correctEvent, voidEvent
    case recordFileView
    case eraseClient, placeLegalHold, releaseLegalHold
}

/// Which roles may issue which command: the one table, applied in one place (``Decider``
/// and the ballot path both call ``authorize(_:)``).
public enum RolePolicy {
    /// The roles allowed to issue `name`. Corrections depend on the stream's category too:
    /// see ``correctionRoles(category:voiding:)``.
    public static func roles(for name: CommandName) -> Set<Role> {
        switch name {
        case .registerClient, .updateClientDetails, .recordConsent, .assessNeeds, .reassessNeeds,
            .setSettlementPlan, .recordGoalAchieved, .openCase, .assignCase, .transferCase, .scheduleFollowUp,
            .completeFollowUp, .closeCase, .reopenCase, .recordService, .makeReferral, .acceptReferral,
            .declineReferral, .completeReferral, .cancelReferral:
            [.worker, .supervisor]
        case .registerPartner, .updatePartner: [.supervisor, .administrator]
        case .signContract, .amendContract: [.accountant, .administrator]
        case .applyForMembership, .approveMember, .rejectMember, .changeRepresentative, .recordLapse: [.administrator]
        case .recordDues: [.administrator, .accountant]
        case .callMeeting, .addPosition, .nominateCandidate, .fixVoterRoll, .openBalloting, .closeBalloting:
            [.electionOfficer, .administrator]
        // A member votes in their own name; an election officer enters a paper ballot.
        case .castBallot: [.member, .electionOfficer]
        case .createUser, .grantRole, .revokeRole, .setPassword, .disableUser: [.administrator]
        case .correctEvent, .voidEvent: []
        case .recordFileView: [.worker, .supervisor, .accountant, .administrator]
        // Erasure answers a privacy request: administrators only. A funder retention hold may
        // be placed by the accountant who knows the contract; only an administrator lifts one.
        case .eraseClient, .releaseLegalHold: [.administrator]
        case .placeLegalHold: [.administrator, .accountant]
        }
    }

    /// Who may correct or void facts in a stream of `category`. Voiding settlement facts takes
    /// a supervisor: it removes a fact from funder reports altogether.
    public static func correctionRoles(category: String, voiding: Bool) -> Set<Role> {
        switch category {
        case StreamID.clientCategory, StreamID.referralCategory: voiding ? [.supervisor] : [.worker, .supervisor]
        case StreamID.partnerCategory: [.supervisor, .administrator]
        case StreamID.contractCategory: [.accountant, .administrator]
        case StreamID.memberCategory, StreamID.userCategory: [.administrator]
        case StreamID.electionCategory: [.electionOfficer, .administrator]
        default: []
        }
    }

    /// The roles allowed to issue `request`.
    public static func allowedRoles(for request: some AuthorizedRequest) -> Set<Role> {
        let name = type(of: request).name
        switch name {
        case .correctEvent, .voidEvent:
            return correctionRoles(category: StreamID.category(of: request.streamId), voiding: name == .voidEvent)
        default:
            return roles(for: name)
        }
    }

    /// Throws ``DomainError/Kind/forbidden`` unless the actor holds an allowed role. A user may
    /// always set their own password.
    public static func authorize(_ request: some AuthorizedRequest) throws(DomainError) {
        let name = type(of: request).name
        if name == .setPassword, request.streamId == StreamID.user(request.actor.userId) { return }
        let allowed = allowedRoles(for: request)
        if !request.actor.roles.isDisjoint(with: allowed) { return }
        let needed = allowed.sorted().map(\.rawValue).joined(separator: " or ")
        throw .forbidden(
            "actor", "\(request.actor.userId) may not \(name.rawValue): it needs the role \(needed.isEmpty ? "(none may)" : needed)")
    }
}
