public import Events

/// Anything a user asks Harbour to do, checked against ``RolePolicy`` before it is decided.
public protocol AuthorizedRequest: Sendable {
    /// The command's entry in the role table.
    static var name: CommandName { get }
    /// Who issues it.
    var actor: ActingUser { get }
    /// The stream it changes.
    var streamId: String { get }
}

/// A request to change one stream, decided by a pure function of the stream's state, facts
/// gathered from other streams, and the context (today, policy).
public protocol Command: AuthorizedRequest {
    /// What the decision reads from the command's own stream.
    associatedtype State: StreamState
    /// What it reads from other streams (a client's consents, a contract's components...).
    associatedtype Facts: Sendable = Void

    /// Reads the facts from other streams; the one impure step, run by the service.
    func gatherFacts(from reader: FactReader) async throws -> Facts

    /// The events to append, or the rule the command breaks. Pure: same inputs, same answer.
    func decide(_ state: State, facts: Facts, context: DecisionContext) throws(DomainError) -> [any DomainEvent]
}

extension Command where Facts == Void {
    public func gatherFacts(from reader: FactReader) async throws {}
}

/// The one entry point to every decision: the role check, then the command's own rules.
public enum Decider {
    /// Checks the actor's role, then decides `command`. Every event returned belongs in the
    /// command's stream.
    public static func decide<C: Command>(_ command: C, state: C.State, facts: C.Facts, context: DecisionContext)
        throws(DomainError) -> [any DomainEvent]
    {
        try RolePolicy.authorize(command)
        let events = try command.decide(state, facts: facts, context: context)
        for event in events {
            precondition(event.streamId == command.streamId, "\(C.name) decided \(event.eventType) for another stream")
        }
        return events
    }
}
