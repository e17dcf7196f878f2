public import Events
public import Foundation

/// Replaces a recorded fact with a corrected one of the same type, with a reason. The
/// replacement is held to the same field rules as the original.
public struct CorrectEvent: Command {
    public static let name = CommandName.correctEvent

    /// Who issues the command.
    public let actor: ActingUser
    /// The stream holding the original.
    public let stream: String
    /// The event to correct.
    public let originalEventId: UUID
    /// Why it was wrong.
    public let reason: FreeText
    /// The corrected fact, of the original's type.
    public let replacement: any DomainEvent

    /// A CorrectEvent command.
    public init(
        actor: ActingUser,
        stream: String,
        originalEventId: UUID,
        reason: FreeText,
        replacement: any DomainEvent
    ) {
        self.actor = actor
        self.stream = stream
        self.originalEventId = originalEventId
        self.reason = reason
        self.replacement = replacement
    }

    public var streamId: String { stream }
}

/// Voids a recorded fact that should never have been recorded, with a reason.
public struct VoidEvent: Command {
    public static let name = CommandName.voidEvent

    /// Who issues the command.
    public let actor: ActingUser
    /// The stream holding the original.
    public let stream: String
    /// The event to void.
    public let originalEventId: UUID
    /// Why.
    public let reason: FreeText

    /// A VoidEvent command.
    public init(actor: ActingUser, stream: String, originalEventId: UUID, reason: FreeText) {
        self.actor = actor
        self.stream = stream
        self.originalEventId = originalEventId
        self.reason = reason
    }

    public var streamId: String { stream }
}


