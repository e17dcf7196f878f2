public import Events

/// A member's standing on a date.
public enum MemberStanding: String, Sendable, Equatable, Codable {
    /// Applied, not yet approved (or approved later than the date).
    case pending
    /// Approved, with dues paid for a term covering the date.
    case goodStanding
    /// Approved, but no paid term covers the date.
    case notInGoodStanding
    /// The application was rejected.
    case rejected
}

/// One line of the register of members.
public struct RegisterEntry: Sendable, Equatable, Codable {
    /// The member.
    public let memberId: String
    /// Individual or organizational.
    public let kind: MembershipKind
    /// Name (the organization's, for organizational members).
    public let displayName: String
    /// The named representative of an organizational member, as of the date.
    public let representative: String?
    /// The date they became a member (approval).
    public let memberSince: CalendarDate?
    /// The paid term covering the date, or the last one before it.
    public let termStartsOn: CalendarDate?
    /// Its end.
    public let termExpiresOn: CalendarDate?
    /// Standing on the register's date.
    public let standing: MemberStanding
    /// In good standing, and the term ends within the lapsing window with no later term paid.
    public let lapsingSoon: Bool
}

/// The register of members as of a date.
public struct MembershipRegister: Sendable, Equatable, Codable {
    /// The date standing is measured on.
    public let asOf: CalendarDate
    /// Days ahead counted as "lapsing soon".
    public let lapsingWithinDays: Int
    /// Members by id (applications after the date are left out).
    public let members: [RegisterEntry]
}

extension ReadModels {
    /// The register as of `date`: only facts dated on or before it count (payments after it
    /// do not make a member in good standing earlier).
    public func membershipRegister(asOf date: CalendarDate, lapsingWithinDays: Int = 30) throws -> MembershipRegister {
        guard (0...3_660).contains(lapsingWithinDays) else {
            throw ProjectionError.invalidArgument(field: "lapsingWithinDays", problem: "must be 0 to 3660, got \(lapsingWithinDays)")
        }
        var members: [RegisterEntry] = []
        try read { txn in
            try txn.reader(MembershipProjection.self).forEachRow(table: "member") { key, entries in
                if let entry = registerEntry(key.key, entries: entries, on: date, lapsingWithinDays: lapsingWithinDays) { members.append(entry) }
                return true
            }
        }
        return MembershipRegister(asOf: date, lapsingWithinDays: lapsingWithinDays, members: members)
    }

    private func registerEntry(
        _ memberId: String, entries: [FactEntry<MembershipProjection.Fact>], on date: CalendarDate, lapsingWithinDays: Int
    ) -> RegisterEntry? {
        var application: (kind: MembershipKind, name: String, representative: String?)?
        var approvedOn: CalendarDate?
        var rejected = false
        var terms: [(startsOn: CalendarDate, expiresOn: CalendarDate)] = []
        for entry in entries {
            switch entry.fact {
            case .applied(let kind, let name, let representative, let appliedOn) where appliedOn <= date:
                application = (kind, name, representative)
            case .approved(let on) where on <= date: approvedOn = on
            case .rejected(let on) where on <= date: rejected = true
            case .duesPaid(let paidOn, let startsOn, let expiresOn) where paidOn <= date: terms.append((startsOn, expiresOn))
            case .representative(let name, let on) where on <= date: application?.representative = name
            default: continue
            }
        }
        guard let application else { return nil }
        let covering = terms.last { $0.startsOn <= date && date < $0.expiresOn }
        let shown = covering ?? terms.filter { $0.startsOn <= date }.max { $0.expiresOn < $1.expiresOn }
        let standing: MemberStanding =
            rejected ? .rejected : approvedOn == nil ? .pending : covering == nil ? .notInGoodStanding : .goodStanding
        let paidThrough = terms.map(\.expiresOn).max()
        let lapsingSoon = standing == .goodStanding && paidThrough.map { date.days(until: $0) <= lapsingWithinDays } == true
        return RegisterEntry(
            memberId: memberId, kind: application.kind, displayName: application.name, representative: application.representative,
            memberSince: approvedOn, termStartsOn: shown?.startsOn, termExpiresOn: shown?.expiresOn, standing: standing,
            lapsingSoon: lapsingSoon)
    }
}
