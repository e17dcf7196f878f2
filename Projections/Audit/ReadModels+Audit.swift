public import EventStore
import Events
public import Foundation

/// Which events the audit trail lists. Every field is optional; set ones must all match.
public struct AuditFilter: Sendable, Equatable {
    /// Events about this client (its stream and its referrals).
    public var clientId: String?
    /// Events recorded for this user.
    public var actor: String?
    /// Events of this type.
    public var eventType: String?
    /// Recorded at or after.
    public var from: Timestamp?
    /// Recorded at or before.
    public var through: Timestamp?

    /// A filter; nil fields match everything.
    public init(clientId: String? = nil, actor: String? = nil, eventType: String? = nil, from: Timestamp? = nil, through: Timestamp? = nil) {
        self.clientId = clientId
        self.actor = actor
        self.eventType = eventType
        self.from = from
        self.through = through
    }
}

/// One line of the audit trail: who did what to which record when.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// Log position.
    public let position: UInt64
    /// Event id.
    public let eventId: UUID
    /// When it was recorded.
    public let recordedAt: Timestamp
    /// When it happened.
    public let occurredAt: Timestamp
    /// Who.
    public let actor: String
    /// What.
    public let eventType: String
    /// Which record (stream).
    public let streamId: String
}

/// A page of the audit trail, oldest first.
public struct AuditPage: Sendable, Equatable, Codable {
    /// This page's entries.
    public let entries: [AuditEntry]
    /// Pass as `after` for the next page; nil on the last page.
    public let nextAfter: UInt64?
}

extension ReadModels {
    /// The audit trail matching `filter`, `pageSize` entries after position `after`.
    public func auditTrail(filter: AuditFilter, after: UInt64 = 0, pageSize: Int = 100) throws -> AuditPage {
        guard (1...1_000).contains(pageSize) else {
            throw ProjectionError.invalidArgument(field: "pageSize", problem: "must be 1 to 1000, got \(pageSize)")
        }
        var entries: [AuditEntry] = []
        var nextAfter: UInt64?
        func consider(_ event: RecordedEvent) -> Bool {
            guard event.position <= position else { return false }
            if let type = filter.eventType, event.eventType != type { return true }
            if let actor = filter.actor, event.actor != actor { return true }
            if let from = filter.from, event.recordedAt < from { return true }
            if let through = filter.through, event.recordedAt > through { return false }
            guard entries.count < pageSize else {
                nextAfter = entries.last?.position
                return false
            }
            entries.append(AuditEntry(event))
            return true
        }
        if let candidates = try candidatePositions(filter) {
            for candidate in candidates where candidate > after {
                guard let event = try store.event(at: candidate), consider(event) else { break }
            }
        } else {
            var start = after + 1
            if let from = filter.from { start = max(start, try store.position(recordedAtOrBefore: from)) }
            try store.scan(from: start, pageEvents: 1_024) { consider($0) }
        }
        return AuditPage(entries: entries, nextAfter: nextAfter)
    }

    /// Positions from the index when the filter names a client or actor; nil means "the log".
    private func candidatePositions(_ filter: AuditFilter) throws -> [UInt64]? {
        var sets: [[UInt64]] = []
        if let clientId = filter.clientId { sets.append(try clientPositions(clientId)) }
        if let actor = filter.actor {
            sets.append(try records.entries(RecordsProjection.actorRow(actor)).map(\.position))
        }
        guard let first = sets.first else { return nil }
        guard sets.count > 1 else { return first }
        let other = Set(sets[1])
        return first.filter(other.contains)
    }

    /// The ids of the referrals made for `clientId`, in the order they were made; none when the
    /// models do not know the client. Cheaper than ``clientFile(clientId:)`` when only the
    /// referrals' streams are wanted: no event is read from the log.
    public func referralIds(ofClient clientId: String) throws -> [String] {
        try read { txn in
            try txn.reader(RecordsProjection.self).entries(RowKey("client", clientId)).compactMap { entry in
                guard case .referral(let referral) = entry.fact else { return nil }
                return referral
            }
        }
    }

    /// Every position about a client up to the models' position: its stream, its referrals'
    /// streams and the views of its file (the log's access stream), in log order.
    func clientPositions(_ clientId: String) throws -> [UInt64] {
        var positions = try read { txn in
            let reader = try txn.reader(RecordsProjection.self)
            let entries = try reader.entries(RowKey("client", clientId))
            var positions = entries.map(\.position)
            for entry in entries {
                guard case .referral(let referral) = entry.fact else { continue }
                positions += try reader.entries(RowKey("referral", referral)).map(\.position)
            }
            return positions
        }
        positions += try store.readStream(StreamID.access(ClientID(clientId))).map(\.position).filter { $0 <= position }
        // A records model of version 2 (still serving while version 3 builds) files the views
        // in the client's row as well: each position once.
        var unique: [UInt64] = []
        for candidate in positions.sorted() where unique.last != candidate { unique.append(candidate) }
        return unique
    }
}

extension AuditEntry {
    init(_ event: RecordedEvent) {
        self.init(
            position: event.position, eventId: event.eventId, recordedAt: event.recordedAt, occurredAt: event.occurredAt,
            actor: event.actor, eventType: event.eventType, streamId: event.streamId)
    }
}
