/// A typed identifier: a string that names one thing of one kind, so a `ClientID` can never be
/// passed where a `MemberID` is expected. Encoded in JSON as the bare string.
public protocol EntityIdentifier: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible, CatalogueLeaf
where RawValue == String {
    init(rawValue: String)
}

extension EntityIdentifier {
    /// Wraps `rawValue` without checking it; commands check identifiers (see `Casework`).
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A newcomer receiving settlement services; names the `client-<id>` stream.
public struct ClientID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A referral to an internal program or a partner agency; names the `referral-<id>` stream.
public struct ReferralID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A member of the society (a person or an organization); names the `member-<id>` stream.
public struct MemberID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A board election at an annual general meeting; names the `election-<id>` stream.
public struct ElectionID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A partner agency that takes referrals; names the `partner-<id>` stream.
public struct PartnerID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A funder contract (e.g. an IRCC contribution agreement); names the `contract-<id>` stream.
public struct ContractID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A person who signs in to Harbour; names the `user-<id>` stream.
public struct UserID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// One service delivered to a client, unique within the client's stream.
public struct ServiceID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// One goal of a client's settlement plan.
public struct GoalID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// One scheduled follow-up on a client's case.
public struct FollowUpID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// One office to be filled at an election (e.g. "Director", three seats).
public struct PositionID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// One candidate standing for a position.
public struct CandidateID: EntityIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
