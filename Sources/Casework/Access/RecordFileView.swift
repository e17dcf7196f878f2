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

/// A client's access stream: only appended to, never decided on, so a view reads nothing of
/// it however many views came before (its version only when `If-Match` pins one).
public struct AccessLogState: StreamState {
    public static var historyNeeded: HistoryNeeded { .nothing }

    public static func load(from history: StreamHistory, registry: EventRegistry) throws -> AccessLogState { AccessLogState() }
}

/// Whether the client whose file is viewed is registered.
public struct ClientRegistrationFact: Sendable {
    /// True once the client's registration is in the log.
    public let isRegistered: Bool
}

extension RecordFileView {
    /// Only a registered client's file can be viewed: read from the first event of the
    /// client's stream, with nothing decoded or opened.
    public func gatherFacts(from reader: FactReader) async throws -> ClientRegistrationFact {
        ClientRegistrationFact(isRegistered: try reader.isRegistered(clientId))
    }

    public func decide(_ state: AccessLogState, facts client: ClientRegistrationFact, context: DecisionContext)
        throws(DomainError) -> [any DomainEvent]
    {
        guard client.isRegistered else { throw .notFound("clientId", "names no registered client (\(clientId))") }
        return [ClientFileViewed(clientId: clientId, purpose: purpose)]
    }
}
