public import Events

/// Where a referral stands.
public enum ReferralStatus: String, Sendable, Hashable, CaseIterable {
    case made, accepted, declined, completed, cancelled

    /// The only edges a referral may take: made → accepted | declined; accepted → completed;
    /// and an open referral (made or accepted) may be cancelled. Declined, completed and
    /// cancelled are final. The "made → accepted | declined → completed | cancelled"
    /// is read with cancellation allowed before the receiver answers too, because a client
    /// who moves away must not leave a referral open forever.
    public static let transitions: [ReferralStatus: Set<ReferralStatus>] = [
        .made: [.accepted, .declined, .cancelled],
        .accepted: [.completed, .cancelled],
    ]

    /// True when a referral in this status may move to `next`.
    public func canMove(to next: ReferralStatus) -> Bool { Self.transitions[self]?.contains(next) == true }
}

/// A referral as its stream tells it.
public struct ReferralState: AggregateState {
    /// The referral as made (nil before).
    public private(set) var made: ReferralMade?
    /// Its status (meaningful once made).
    public private(set) var status = ReferralStatus.made
    /// The day of its latest change.
    public private(set) var lastChangedOn: CalendarDate?

    public init() {}

    /// True once made.
    public var exists: Bool { made != nil }

    public mutating func apply(_ event: any DomainEvent) {
        switch event {
        case let event as ReferralMade: (made, status, lastChangedOn) = (event, .made, event.madeOn)
        case let event as ReferralAccepted: (status, lastChangedOn) = (.accepted, event.acceptedOn)
        case let event as ReferralDeclined: (status, lastChangedOn) = (.declined, event.declinedOn)
        case let event as ReferralCompleted: (status, lastChangedOn) = (.completed, event.completedOn)
        case let event as ReferralCancelled: (status, lastChangedOn) = (.cancelled, event.cancelledOn)
        default: break
        }
    }

    /// Throws unless the referral exists and may move to `next` on `date`.
    func checkTransition(_ id: ReferralID, to next: ReferralStatus, on date: CalendarDate, dateField: String,
        context: DecisionContext) throws(DomainError)
    {
        guard exists, let lastChangedOn else { throw .notFound("referralId", "names no referral (\(id))") }
        guard status.canMove(to: next) else {
            let allowed = (Self.allowedNames(from: status))
            throw .conflict("status", "cannot go from \(status.rawValue) to \(next.rawValue) (from \(status.rawValue): \(allowed))")
        }
        try Rules.notInFuture(date, field: dateField, today: context.today)
        try Rules.notBefore(date, lastChangedOn, field: dateField, what: "the referral's last change")
    }

    private static func allowedNames(from status: ReferralStatus) -> String {
        let next = (ReferralStatus.transitions[status] ?? []).map(\.rawValue).sorted()
        return next.isEmpty ? "none, it is final" : next.joined(separator: " or ")
    }
}
