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

    /// The client's access stream (see `ClientFileViewed`).
    public var streamId: String { StreamID.access(clientId) }
}

/// A client's access stream: only appended to, never decided on.
public struct AccessLogState: AggregateState {
    /// Views recorded so far.
    public private(set) var viewsCount = 0

    public init() {}

    public mutating func apply(_ event: any DomainEvent) {
        if event is ClientFileViewed { viewsCount += 1 }
    }
}

extension RecordFileView {
    /// The client's own state: only a registered client's file can be viewed.
    public func gatherFacts(from reader: FactReader) async throws -> ClientState {
        try reader.state(ClientState.self, of: StreamID.client(clientId))
    }

    public func decide(_ state: AccessLogState, facts client: ClientState, context: DecisionContext) throws(DomainError)
        -> [any DomainEvent]
    {
        _ = try client.requireRegistered(clientId)
        return [ClientFileViewed(clientId: clientId, purpose: purpose)]
    }
}
