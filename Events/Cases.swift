

/// A case was opened for a client (at most one is open at a time).
public struct CaseOpened: DomainEvent {
    public static let eventType = "CaseOpened"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A case was opened for a client."

    /// The client.
    public let clientId: ClientID
    /// The day the case was opened.
    public let openedOn: CalendarDate

    /// A CaseOpened with every field given.
    public init(clientId: ClientID, openedOn: CalendarDate) {
        self.clientId = clientId
        self.openedOn = openedOn
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: CaseOpened { CaseOpened(clientId: ClientID("c-0001"), openedOn: .example("2025-03-03")) }
}

/// An unassigned open case was given to a worker.
public struct CaseAssigned: DomainEvent {
    public static let eventType = "CaseAssigned"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "An unassigned open case was given to a worker."

    /// The client.
    public let clientId: ClientID
    /// The worker now responsible.
    public let workerId: UserID

    /// A CaseAssigned with every field given.
    public init(clientId: ClientID, workerId: UserID) {
        self.clientId = clientId
        self.workerId = workerId
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: CaseAssigned { CaseAssigned(clientId: ClientID("c-0001"), workerId: UserID("u-worker")) }
}

/// An open case moved from one worker to another.
public struct CaseTransferred: DomainEvent {
    public static let eventType = "CaseTransferred"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "An open case moved from one worker to another."

    /// The client.
    public let clientId: ClientID
    /// The worker who had it.
    public let fromWorkerId: UserID
    /// The worker who has it now.
    public let toWorkerId: UserID
    /// Why it moved (e.g. caseload balance, language match).
    public let reason: String

    /// A CaseTransferred with every field given.
    public init(clientId: ClientID, fromWorkerId: UserID, toWorkerId: UserID, reason: String) {
        self.clientId = clientId
        self.fromWorkerId = fromWorkerId
        self.toWorkerId = toWorkerId
        self.reason = reason
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: CaseTransferred {
        CaseTransferred(
            clientId: ClientID("c-0001"), fromWorkerId: UserID("u-worker"), toWorkerId: UserID("u-worker2"),
            reason: "Arabic-speaking worker")
    }
}

/// A follow-up on an open case was scheduled.
public struct FollowUpScheduled: DomainEvent {
    public static let eventType = "FollowUpScheduled"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "A follow-up on an open case was scheduled."

    /// The client.
    public let clientId: ClientID
    /// Identifies the follow-up.
    public let followUpId: FollowUpID
    /// When it is due; overdue after this day.
    public let dueOn: CalendarDate
    /// What to follow up (personal data).
    public let purpose: FreeText

    /// A FollowUpScheduled with every field given.
    public init(clientId: ClientID, followUpId: FollowUpID, dueOn: CalendarDate, purpose: FreeText) {
        self.clientId = clientId
        self.followUpId = followUpId
        self.dueOn = dueOn
        self.purpose = purpose
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: FollowUpScheduled {
        FollowUpScheduled(
            clientId: ClientID("c-0001"), followUpId: FollowUpID("f-1"), dueOn: .example("2025-03-17"),
            purpose: "Check on housing application")
    }
}

/// A scheduled follow-up was done.
public struct FollowUpCompleted: DomainEvent {
    public static let eventType = "FollowUpCompleted"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A scheduled follow-up was done."

    /// The client.
    public let clientId: ClientID
    /// The follow-up.
    public let followUpId: FollowUpID
    /// The day it was done.
    public let completedOn: CalendarDate

    /// A FollowUpCompleted with every field given.
    public init(clientId: ClientID, followUpId: FollowUpID, completedOn: CalendarDate) {
        self.clientId = clientId
        self.followUpId = followUpId
        self.completedOn = completedOn
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: FollowUpCompleted { FollowUpCompleted(clientId: ClientID("c-0001"), followUpId: FollowUpID("f-1"), completedOn: .example("2025-03-16")) }
}

/// The open case was closed.
public struct CaseClosed: DomainEvent {
    public static let eventType = "CaseClosed"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "The open case was closed with a reason."

    /// The client.
    public let clientId: ClientID
    /// The day it was closed.
    public let closedOn: CalendarDate
    /// Why, as a code for reports.
    public let reason: CaseClosureReason
    /// The worker's note (personal data).
    public let note: FreeText?

    /// A CaseClosed with every field given.
    public init(clientId: ClientID, closedOn: CalendarDate, reason: CaseClosureReason, note: FreeText? = nil) {
        self.clientId = clientId
        self.closedOn = closedOn
        self.reason = reason
        self.note = note
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: CaseClosed {
        CaseClosed(
            clientId: ClientID("c-0001"), closedOn: .example("2025-09-30"), reason: .goalsMet,
            note: "Housed and employed")
    }
}

/// A closed case was reopened; it keeps its last worker.
public struct CaseReopened: DomainEvent {
    public static let eventType = "CaseReopened"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "A closed case was reopened."

    /// The client.
    public let clientId: ClientID
    /// The day it was reopened.
    public let reopenedOn: CalendarDate
    /// Why (personal data).
    public let reason: FreeText

    /// A CaseReopened with every field given.
    public init(clientId: ClientID, reopenedOn: CalendarDate, reason: FreeText) {
        self.clientId = clientId
        self.reopenedOn = reopenedOn
        self.reason = reason
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: CaseReopened { CaseReopened(clientId: ClientID("c-0001"), reopenedOn: .example("2025-11-03"), reason: "Lost job") }
}
