/// The stream each aggregate lives in, `category-identity`, as DESIGN.md names them. The
/// category (before the first `-`) is what `readCategory` groups by.
public enum StreamID {
    /// Category of client streams: intake, consents, needs, plan, case and services.
    public static let clientCategory = "client"
    /// Category of referral streams.
    public static let referralCategory = "referral"
    /// Category of member streams.
    public static let memberCategory = "member"
    /// Category of election streams.
    public static let electionCategory = "election"
    /// Category of partner agency streams.
    public static let partnerCategory = "partner"
    /// Category of funder contract streams.
    public static let contractCategory = "contract"
    /// Category of user account streams.
    public static let userCategory = "user"
    /// Category of the streams that record who opened which client's file.
    public static let accessCategory = "access"

    /// `client-<id>`.
    public static func client(_ id: ClientID) -> String { "\(clientCategory)-\(id.rawValue)" }
    /// `referral-<id>`.
    public static func referral(_ id: ReferralID) -> String { "\(referralCategory)-\(id.rawValue)" }
    /// `member-<id>`.
    public static func member(_ id: MemberID) -> String { "\(memberCategory)-\(id.rawValue)" }
    /// `election-<id>`; the secret ballot's events live here too (see `BallotsRecorded`).
    public static func election(_ id: ElectionID) -> String { "\(electionCategory)-\(id.rawValue)" }
    /// `partner-<id>`.
    public static func partner(_ id: PartnerID) -> String { "\(partnerCategory)-\(id.rawValue)" }
    /// `contract-<id>`.
    public static func contract(_ id: ContractID) -> String { "\(contractCategory)-\(id.rawValue)" }
    /// `user-<id>`.
    public static func user(_ id: UserID) -> String { "\(userCategory)-\(id.rawValue)" }
    /// `access-<client id>`: views of a client's file, kept out of the client's own stream so
    /// that reading a file never changes the version an edit of it must expect.
    public static func access(_ id: ClientID) -> String { "\(accessCategory)-\(id.rawValue)" }

    /// The category of `streamId`: the part before the first `-`.
    public static func category(of streamId: String) -> String {
        guard let dash = streamId.firstIndex(of: "-") else { return streamId }
        return String(streamId[..<dash])
    }
}
