public import Events

/// Records that the actor opened a client's file, for the audit trail.
public struct RecordFileView: Command {
    public static let name = CommandName.recordFileView

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// Why.
    public let purpose: AccessPurpose

    /// A RecordFileView command.
    public init(actor: ActingUser, clientId: ClientID, purpose: AccessPurpose) {
        self.actor = actor
        self.clientId = clientId
        self.purpose = purpose
    }

    public var streamId: String { StreamID.client(clientId) }
}

extension RecordFileView {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireRegistered(clientId)
        return [ClientFileViewed(clientId: clientId, purpose: purpose)]
    }
}
