public import Events

/// Whatever a command decides against, built from its stream's history.
public protocol StreamState: Sendable {
    /// How much of the stream ``load(from:registry:)`` needs (default: all of it).
    static var historyNeeded: HistoryNeeded { get }
    /// Builds the state from the stream's history (empty for a stream that does not exist).
    static func load(from history: StreamHistory, registry: EventRegistry) throws -> Self
}

/// How much of its stream a state is built from.
public enum HistoryNeeded: Sendable {
    /// Every event, decoded.
    case wholeStream
    /// Only the stream's version, nothing decoded: a stream that is only ever appended to,
    /// whose decisions read nothing from it (reading and decoding all of it would cost more
    /// with every append; decoding even its last event is work nobody reads).
    case versionOnly
    /// Nothing of the stream: a stream only ever appended to, with expected version *any*,
    /// whose decisions read nothing from it, not even its version (a view of a file). It is
    /// read only when the caller pins a version (`If-Match`) to check.
    case nothing
}

extension StreamState {
    public static var historyNeeded: HistoryNeeded { .wholeStream }
}

/// An aggregate's state: a pure fold of its stream's effective events (after corrections).
public protocol AggregateState: StreamState {
    /// The state of a stream with no events.
    init()
    /// Applies one effective event; events the aggregate does not use are ignored.
    mutating func apply(_ event: any DomainEvent)
}

extension AggregateState {
    public static func load(from history: StreamHistory, registry: EventRegistry) throws -> Self {
        try folded(history.effectiveEvents(registry: registry))
    }

    /// The state after `events`, in order.
    public static func folded(_ events: [any DomainEvent]) -> Self {
        var state = Self()
        for event in events { state.apply(event) }
        return state
    }
}

extension StreamHistory: StreamState {
    /// A correction decides against the raw history itself.
    public static func load(from history: StreamHistory, registry: EventRegistry) throws -> StreamHistory { history }
}
