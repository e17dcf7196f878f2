public import Events

/// Opens the client's case (once; a closed case is reopened with ``ReopenCase``).
public struct OpenCase: Command {
    public static let name = CommandName.openCase

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The day it opened.
    public let openedOn: CalendarDate

    /// A OpenCase command.
    public init(actor: ActingUser, clientId: ClientID, openedOn: CalendarDate) {
        self.actor = actor
        self.clientId = clientId
        self.openedOn = openedOn
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Gives an open, unassigned case to a worker.
public struct AssignCase: Command {
    public static let name = CommandName.assignCase

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The worker.
    public let workerId: UserID

    /// A AssignCase command.
    public init(actor: ActingUser, clientId: ClientID, workerId: UserID) {
        self.actor = actor
        self.clientId = clientId
        self.workerId = workerId
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Moves an open case to another worker.
public struct TransferCase: Command {
    public static let name = CommandName.transferCase

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The new worker.
    public let toWorkerId: UserID
    /// Why.
    public let reason: String

    /// A TransferCase command.
    public init(actor: ActingUser, clientId: ClientID, toWorkerId: UserID, reason: String) {
        self.actor = actor
        self.clientId = clientId
        self.toWorkerId = toWorkerId
        self.reason = reason
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Schedules a follow-up on an open case, due today or later.
public struct ScheduleFollowUp: Command {
    public static let name = CommandName.scheduleFollowUp

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// A new follow-up id.
    public let followUpId: FollowUpID
    /// When it is due.
    public let dueOn: CalendarDate
    /// What to follow up.
    public let purpose: FreeText

    /// A ScheduleFollowUp command.
    public init(
        actor: ActingUser,
        clientId: ClientID,
        followUpId: FollowUpID,
        dueOn: CalendarDate,
        purpose: FreeText
    ) {
        self.actor = actor
        self.clientId = clientId
        self.followUpId = followUpId
        self.dueOn = dueOn
        self.purpose = purpose
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Marks a scheduled follow-up done.
public struct CompleteFollowUp: Command {
    public static let name = CommandName.completeFollowUp

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The follow-up.
    public let followUpId: FollowUpID
    /// The day it was done.
    public let completedOn: CalendarDate

    /// A CompleteFollowUp command.
    public init(actor: ActingUser, clientId: ClientID, followUpId: FollowUpID, completedOn: CalendarDate) {
        self.actor = actor
        self.clientId = clientId
        self.followUpId = followUpId
        self.completedOn = completedOn
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Closes the open case with a reason (a note is required for `other`).
public struct CloseCase: Command {
    public static let name = CommandName.closeCase

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The day it closed.
    public let closedOn: CalendarDate
    /// Why.
    public let reason: CaseClosureReason
    /// The worker's note.
    public let note: FreeText?

    /// A CloseCase command.
    public init(
        actor: ActingUser,
        clientId: ClientID,
        closedOn: CalendarDate,
        reason: CaseClosureReason,
        note: FreeText? = nil
    ) {
        self.actor = actor
        self.clientId = clientId
        self.closedOn = closedOn
        self.reason = reason
        self.note = note
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Reopens a closed case.
public struct ReopenCase: Command {
    public static let name = CommandName.reopenCase

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The day it reopened.
    public let reopenedOn: CalendarDate
    /// Why.
    public let reason: FreeText

    /// A ReopenCase command.
    public init(actor: ActingUser, clientId: ClientID, reopenedOn: CalendarDate, reason: FreeText) {
        self.actor = actor
        self.clientId = clientId
        self.reopenedOn = reopenedOn
        self.reason = reason
    }

    public var streamId: String { StreamID.client(clientId) }
}


