public import Events

/// A kind of record a retention rule applies to.
public enum RetentionRecordKind: String, Sendable, Hashable, Codable {
    /// A client's file: every stream of theirs (client, referrals, file views).
    case clientFile
    /// A member's record in the society's register.
    case membership
}

/// One record that falls due (or fell due) for erasure under the retention policy.
public struct RetentionDue: Sendable, Hashable, Codable {
    /// What kind of record.
    public let kind: RetentionRecordKind
    /// The client's or member's id.
    public let recordId: String
    /// What starts the retention period, e.g. "last case closed".
    public let trigger: String
    /// The day it happened.
    public let triggeredOn: CalendarDate
    /// The day the record fell due.
    public let dueOn: CalendarDate
    /// Legal holds in force (erasure waits until they are released).
    public let holds: [String]
    /// True when retention-run erases it: a client file under no hold. Member records are
    /// listed for review only: their details are not sealed, so there is no key to destroy.
    public let erasable: Bool

    /// The erasure's reference: the rule that made it due.
    public var reference: String {
        "retention rule \(kind.rawValue): due \(dueOn), \(trigger) on \(triggeredOn)"
    }
}

/// What the retention policy makes due as of a day: pure, from folded states.
public enum RetentionReport {
    /// Every record due on or before `asOf`, ordered by due date then id. Erased clients, clients
    /// with a case open, and members not lapsed on `asOf` are never due.
    public static func due(
        clients: [ClientState], members: [MemberState], policy: RetentionPolicy, graceMonths: Int, asOf: CalendarDate
    ) -> [RetentionDue] {
        let found = clients.compactMap { clientDue($0, years: policy.clientFileYearsAfterLastCaseClosed, asOf: asOf) }
            + members.compactMap { memberDue($0, years: policy.membershipYearsAfterLapse, graceMonths: graceMonths, asOf: asOf) }
        return found.sorted { ($0.dueOn, $0.kind.rawValue, $0.recordId) < ($1.dueOn, $1.kind.rawValue, $1.recordId) }
    }

    static func clientDue(_ client: ClientState, years: Int, asOf: CalendarDate) -> RetentionDue? {
        guard let registration = client.registration, !client.isErased, client.caseStatus != .open else { return nil }
        let (trigger, triggeredOn) =
            client.caseClosedOn.map { ("last case closed", $0) } ?? ("registered without a case", registration.registeredOn)
        let dueOn = triggeredOn.adding(months: 12 * years)
        guard dueOn <= asOf else { return nil }
        let holds = client.legalHolds.keys.sorted()
        return RetentionDue(
            kind: .clientFile, recordId: registration.clientId.rawValue, trigger: trigger, triggeredOn: triggeredOn, dueOn: dueOn,
            holds: holds, erasable: holds.isEmpty)
    }

    static func memberDue(_ member: MemberState, years: Int, graceMonths: Int, asOf: CalendarDate) -> RetentionDue? {
        guard let memberId = member.memberId, member.standing(on: asOf, graceMonths: graceMonths) == .lapsed,
            let paidThrough = member.paidThrough
        else { return nil }
        let lapsedOn = paidThrough.adding(months: graceMonths)
        let dueOn = lapsedOn.adding(months: 12 * years)
        guard dueOn <= asOf else { return nil }
        return RetentionDue(
            kind: .membership, recordId: memberId.rawValue, trigger: "membership lapsed", triggeredOn: lapsedOn, dueOn: dueOn, holds: [],
            erasable: false)
    }
}
