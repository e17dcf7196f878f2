import Casework
import Events

/// Who issues a command and the parameters naming what it changes: on the web, the signed-in
/// user and the request's path; in `harbour import`, a line's actor and its input object.
protocol CommandSource {
    /// The user the command is issued by.
    var actor: ActingUser { get }
    /// The parameter `name` (a path segment such as `:clientId`), or an error naming it.
    func pathParameter(_ name: String) throws -> String
}

extension CommandSource {
    /// The `clientId` parameter.
    func clientId() throws -> ClientID { ClientID(try pathParameter("clientId")) }
    /// The `referralId` parameter.
    func referralId() throws -> ReferralID { ReferralID(try pathParameter("referralId")) }
    /// The `electionId` parameter.
    func electionId() throws -> ElectionID { ElectionID(try pathParameter("electionId")) }
    /// The `memberId` parameter.
    func memberId() throws -> MemberID { MemberID(try pathParameter("memberId")) }
    /// The `userId` parameter.
    func userId() throws -> UserID { UserID(try pathParameter("userId")) }
    /// The `partnerId` parameter.
    func partnerId() throws -> PartnerID { PartnerID(try pathParameter("partnerId")) }
    /// The `contractId` parameter.
    func contractId() throws -> ContractID { ContractID(try pathParameter("contractId")) }
}
