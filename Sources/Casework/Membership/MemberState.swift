public import Events

/// A member's standing on a given day, derived from approval and paid terms, never stored.
public enum MembershipStanding: String, Sendable, Hashable {
    /// No application.
    case notAMember
    /// Applied, not yet approved (or the day is before approval).
    case pendingApproval
    case rejected
    /// Approved, but no paid term has started by that day.
    case unpaid
    /// Approved and inside a paid term: may vote.
    case goodStanding
    /// The last term has ended, within the grace period: not in good standing, not lapsed.
    case inGrace
    /// The last term ended more than the grace period ago.
    case lapsed
}

/// One paid term: `[startsOn, expiresOn)`.
public struct DuesTerm: Sendable, Hashable {
    /// First day covered.
    public let startsOn: CalendarDate
    /// First day not covered.
    public let expiresOn: CalendarDate
}

/// A member as their stream tells it.
public struct MemberState: AggregateState {
    /// The application (nil before).
    public private(set) var application: MembershipApplied?
    /// The day of approval.
    public private(set) var approvedOn: CalendarDate?
    /// The day of rejection.
    public private(set) var rejectedOn: CalendarDate?
    /// Paid terms, in payment order.
    public private(set) var terms: [DuesTerm] = []
    /// The current representative of an organizational member.
    public private(set) var representativeName: String?
    /// The latest recorded lapse.
    public private(set) var lastLapsedOn: CalendarDate?

    public init() {}

    /// The member's id (nil before application).
    public var memberId: MemberID? { application?.memberId }

    /// The first day no paid term covers, after the latest term.
    public var paidThrough: CalendarDate? { terms.map(\.expiresOn).max() }

    public mutating func apply(_ event: any DomainEvent) {
        switch event {
        case let event as MembershipApplied: (application, representativeName) = (event, event.details.representativeName)
        case let event as MemberApproved: approvedOn = event.approvedOn
        case let event as MemberRejected: rejectedOn = event.rejectedOn
        case let event as DuesPaid: terms.append(DuesTerm(startsOn: event.termStartsOn, expiresOn: event.termExpiresOn))
        case let event as RepresentativeChanged: representativeName = event.representativeName
        case let event as MembershipLapsed: lastLapsedOn = event.lapsedOn
        default: break
        }
    }

    /// The standing on `date` with `graceMonths` of grace after a term ends.
    public func standing(on date: CalendarDate, graceMonths: Int) -> MembershipStanding {
        guard application != nil else { return .notAMember }
        if rejectedOn != nil { return .rejected }
        guard let approvedOn, approvedOn <= date else { return .pendingApproval }
        if terms.contains(where: { $0.startsOn <= date && date < $0.expiresOn }) { return .goodStanding }
        guard let lastEnded = terms.map(\.expiresOn).filter({ $0 <= date }).max() else { return .unpaid }
        return date < lastEnded.adding(months: graceMonths) ? .inGrace : .lapsed
    }
}
