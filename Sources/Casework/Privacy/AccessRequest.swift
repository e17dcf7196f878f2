public import EventStore
public import Events
public import Foundation

/// Everything held about one client, for a privacy access request (BC PIPA: answered within 30
/// days): every event of their own stream, of their referrals' streams and of their file-view
/// stream (who opened their file, when and why), in log order, each with who recorded it and
/// when, personal fields opened while the keys exist.
public struct AccessRequestExport: Sendable, Encodable {
    /// One event as the log holds it, opened.
    public struct Entry: Sendable, Encodable {
        /// Global position.
        public let position: UInt64
        /// The stream (client, referral or access).
        public let streamId: String
        /// Event type.
        public let eventType: String
        /// When it happened (business time).
        public let occurredAt: Timestamp
        /// When it was recorded.
        public let recordedAt: Timestamp
        /// Who recorded it (user id).
        public let actor: String
        /// The payload at the current schema version, personal fields opened where possible.
        public let payload: JSONValue
    }

    /// The client.
    public let clientId: ClientID
    /// When the export was made.
    public let exportedAt: Timestamp
    /// True when the client's personal data was erased (sealed fields then stay sealed).
    public let erased: Bool
    /// Every event held about the client.
    public let events: [Entry]
    /// The file views among them: who opened the file, when, why.
    public let views: [Entry]

    /// Reads the export for `clientId` from `store`, opening with `registry` (give it an opener).
    /// - Throws: ``DomainError`` (not found) when the client was never registered.
    public static func read(clientId: ClientID, from store: EventStore, registry: EventRegistry, now: Timestamp = .now())
        throws -> AccessRequestExport
    {
        let own = try store.readStream(StreamID.client(clientId))
        guard !own.isEmpty else { throw DomainError.notFound("clientId", "names no registered client (\(clientId))") }
        var referralStreams: [String] = []
        for record in try store.events(inCategory: StreamID.referralCategory) where record.eventType == ReferralMade.eventType {
            if let made = try record.decoded(registry: registry) as? ReferralMade, made.clientId == clientId {
                referralStreams.append(record.streamId)
            }
        }
        let others = try (referralStreams + [StreamID.access(clientId)]).flatMap { try store.readStream($0) }
        let records = (own + others).sorted { $0.position < $1.position }
        let entries = try records.map { record in
            Entry(
                position: record.position, streamId: record.streamId, eventType: record.eventType, occurredAt: record.occurredAt,
                recordedAt: record.recordedAt, actor: record.actor,
                payload: try EventCoding.jsonValue(of: record.decoded(registry: registry)))
        }
        return AccessRequestExport(
            clientId: clientId, exportedAt: now, erased: records.contains { $0.eventType == PersonalDataErased.eventType },
            events: entries, views: entries.filter { $0.eventType == ClientFileViewed.eventType })
    }

    /// The export as JSON (sorted keys, ISO 8601 times).
    public func json() throws -> Data {
        let encoder = EventCoding.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return try encoder.encode(self)
    }
}
