public import EventStore
public import Foundation

/// The part of the event store casework uses, so decisions and the service can be tested
/// against a wrapper (e.g. one that injects conflicts) as well as the real store.
public protocol EventLog: Sendable {
    /// Appends `events` to `stream` if it is at `expected`, atomically.
    func append(_ events: [ProposedEvent], to stream: String, expected: ExpectedVersion) async throws -> AppendResult
    /// Every event of `stream`, oldest first (empty when it does not exist).
    func events(inStream stream: String) throws -> [RecordedEvent]
    /// Every event of every stream of `category`, in log order.
    func events(inCategory category: String) throws -> [RecordedEvent]
    /// The event with this id, or nil when the log has none.
    func event(withId eventId: UUID) throws -> RecordedEvent?
    /// The first event of `stream`, or nil when it does not exist.
    func firstEvent(inStream stream: String) throws -> RecordedEvent?
    /// The last event of `stream`, or nil when it does not exist.
    func lastEvent(inStream stream: String) throws -> RecordedEvent?
    /// The version of `stream` (its last event's), or nil when it does not exist.
    func version(ofStream stream: String) throws -> UInt64?
}

extension EventLog {
    /// The first of ``events(inStream:)``; logs that can read one event alone do so.
    public func firstEvent(inStream stream: String) throws -> RecordedEvent? { try events(inStream: stream).first }

    /// The last of ``events(inStream:)``; logs that can read one event alone do so.
    public func lastEvent(inStream stream: String) throws -> RecordedEvent? { try events(inStream: stream).last }

    /// The version of ``lastEvent(inStream:)``; logs that keep a stream's head read it alone.
    public func version(ofStream stream: String) throws -> UInt64? { try lastEvent(inStream: stream)?.streamVersion }
}

extension EventStore: EventLog {
    /// Page size for category reads; a page is one read transaction.
    static let categoryPageEventsMax = 4_096

    public func events(inStream stream: String) throws -> [RecordedEvent] {
        try readStream(stream)
    }

    public func events(inCategory category: String) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        var position: UInt64 = 1
        while true {
            let page = try readCategory(category, from: position, limit: Self.categoryPageEventsMax)
            events += page
            guard page.count == Self.categoryPageEventsMax, let last = page.last else { return events }
            position = last.position + 1
        }
    }

    public func event(withId eventId: UUID) throws -> RecordedEvent? {
        try position(ofEvent: eventId).flatMap { try event(at: $0) }
    }

    public func firstEvent(inStream stream: String) throws -> RecordedEvent? {
        try readStream(stream, limit: 1).first
    }

    public func lastEvent(inStream stream: String) throws -> RecordedEvent? {
        try readStream(stream, direction: .backwards, limit: 1).first
    }

    public func version(ofStream stream: String) throws -> UInt64? {
        try streamVersion(stream)
    }
}
