public import Events

/// Erases a client's personal data (a privacy request, or the retention rule). Decided like any
/// command; ``CaseworkService/erase(_:correlationId:)`` then destroys the client's data keys.
public struct EraseClient: Command {
    public typealias State = ClientState
    public static let name = CommandName.eraseClient

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// Why.
    public let ground: ErasureGround
    /// The request's reference (e.g. a ticket number); never personal.
    public let reference: String

    /// An EraseClient command.
    public init(actor: ActingUser, clientId: ClientID, ground: ErasureGround, reference: String) {
        self.actor = actor
        self.clientId = clientId
        self.ground = ground
        self.reference = reference
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Places a legal hold on a client's records: erasure is refused until it is released.
public struct PlaceLegalHold: Command {
    public typealias State = ClientState
    public static let name = CommandName.placeLegalHold

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// Names the hold (letters, digits, `-`, `_`, `.`).
    public let holdId: String
    /// Why; never personal.
    public let reason: String

    /// A PlaceLegalHold command.
    public init(actor: ActingUser, clientId: ClientID, holdId: String, reason: String) {
        self.actor = actor
        self.clientId = clientId
        self.holdId = holdId
        self.reason = reason
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Releases a legal hold.
public struct ReleaseLegalHold: Command {
    public typealias State = ClientState
    public static let name = CommandName.releaseLegalHold

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The hold to release.
    public let holdId: String

    /// A ReleaseLegalHold command.
    public init(actor: ActingUser, clientId: ClientID, holdId: String) {
        self.actor = actor
        self.clientId = clientId
        self.holdId = holdId
    }

    public var streamId: String { StreamID.client(clientId) }
}
