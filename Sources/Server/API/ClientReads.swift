import HTTPTypes
import Casework
import Events
import EventStore
import Foundation

/// A client as the API shows it: their stream folded by Casework.
struct ClientView: Encodable {
    let clientId: ClientID
    let streamVersion: UInt64
    let registeredOn: CalendarDate
    let anonymous: Bool
    let personal: PersonalDetails?
    let profile: ClientProfile
    let consents: [String: ConsentDecision]
    let needs: [IdentifiedNeed]?
    let caseStatus: String
    let caseWorker: UserID?
    let openFollowUps: [FollowUpScheduled]
    let serviceCount: Int
}

/// One entry of a client's file: an event as recorded, with who did it and when.
struct FileEntry: Encodable {
    let position: UInt64
    let streamId: String
    let streamVersion: UInt64
    let eventId: UUID
    let eventType: String
    let occurredAt: Timestamp
    let recordedAt: Timestamp
    let actor: String
    let correlationId: UUID?
    let payload: JSONValue
}

/// A client's file: their own stream and their referrals' streams, in log order, and who
/// opened it lately.
struct ClientFile: Encodable {
    let clientId: ClientID
    let streamVersion: UInt64
    let entries: [FileEntry]
    let views: FileViews
}

/// How many times a file was opened, and the latest showings, newest first (the audit trail
/// lists every one).
struct FileViews: Encodable {
    let count: UInt64
    let recent: [FileEntry]
}

/// Reads of clients folded straight from the log. Correct and simple; the projections' indexed
/// read models can replace the scans when they land.
struct ClientReads {
    let store: EventStore
    /// Opens personal fields when the server holds the keys.
    var registry: EventRegistry = .standard

    /// The client folded with Casework, or 404 naming `clientId`.
    func client(_ clientId: ClientID) throws -> ClientView {
        let stream = StreamID.client(clientId)
        let history = try StreamHistory(streamId: stream, records: store.readStream(stream), registry: registry)
        let state = ClientState.folded(try history.effectiveEvents(registry: registry))
        guard let registration = state.registration, let version = history.version else { throw Self.notFound(clientId) }
        return ClientView(
            clientId: clientId, streamVersion: version, registeredOn: registration.registeredOn, anonymous: state.isAnonymous,
            personal: state.personal, profile: registration.profile,
            consents: Dictionary(uniqueKeysWithValues: state.consents.map { ($0.key.rawValue, $0.value) }), needs: state.needs,
            caseStatus: state.caseStatus.rawValue, caseWorker: state.caseWorker,
            openFollowUps: state.openFollowUps.values.sorted { $0.dueOn < $1.dueOn }, serviceCount: state.serviceIds.count)
    }

    /// The client's file, or 404: their stream and `referrals` (the streams of the referrals
    /// made for them, from the read models, so no request scans every referral), with the latest
    /// views of it from their access stream (which holds views only).
    func file(_ clientId: ClientID, referrals: [String]) throws -> ClientFile {
        let own = try store.readStream(StreamID.client(clientId))
        guard let version = own.last?.streamVersion else { throw Self.notFound(clientId) }
        let records = (own + (try referrals.flatMap { try store.readStream($0) }))
            .filter { $0.eventType != ClientFileViewed.eventType }  // views in the client's stream, from older logs
            .sorted { $0.position < $1.position }
        let views = try store.readStream(StreamID.access(clientId), direction: .backwards, limit: ClientFileRenderer.recentViewsMax)
        return ClientFile(
            clientId: clientId, streamVersion: version, entries: try records.map(entry),
            views: FileViews(count: views.first.map { $0.streamVersion + 1 } ?? 0, recent: try views.map(entry)))
    }

    /// Clients matching every given key: part of a name (any case, accents ignored), a UCI,
    /// a date of birth. Anonymous clients never match a name or UCI.
    func search(name: String?, uci: String?, dateOfBirth: CalendarDate?) throws -> [ClientView] {
        let records = try store.events(inCategory: StreamID.clientCategory)
        let streams = Dictionary(grouping: records, by: \.streamId)
        let needle = name.map { NameKey.of(givenNames: $0, familyName: "").replacingOccurrences(of: "|", with: "") }
        return try streams.keys.sorted().compactMap { stream -> ClientView? in
            let history = try StreamHistory(streamId: stream, records: streams[stream]!, registry: registry)
            let state = ClientState.folded(try history.effectiveEvents(registry: registry))
            guard let id = state.clientId else { return nil }
            if let uci, state.personal?.uci != uci { return nil }
            if let dateOfBirth, state.personal?.dateOfBirth != dateOfBirth { return nil }
            if let needle {
                guard let personal = state.personal else { return nil }
                let key = NameKey.of(givenNames: personal.givenNames, familyName: personal.familyName).replacingOccurrences(of: "|", with: " ")
                guard key.contains(needle) else { return nil }
            }
            return try client(id)
        }
    }


    /// The record as a file entry. With the keys, the payload is the opened event (sealed fields
    /// in clear, at the current schema version); without, the payload as stored.
    private func entry(_ record: RecordedEvent) throws -> FileEntry {
        guard registry.opener != nil else { return try FileEntry(record) }
        // Decoded once, opened: the stored payload is not parsed a second time just to be dropped.
        return FileEntry(record, payload: try EventCoding.jsonValue(of: record.decoded(registry: registry)))
    }

    static func notFound(_ clientId: ClientID) -> ProblemDetails {
        ProblemDetails(
            .notFound, detail: "There is no client \(clientId).",
            errors: [FieldProblem(field: "clientId", problem: "names no registered client (\(clientId))")])
    }
}

extension FileEntry {
    /// The entry for `record`, its payload as JSON.
    init(_ record: RecordedEvent) throws {
        self.init(record, payload: try JSONDecoder().decode(JSONValue.self, from: Data(record.payload)))
    }

    /// The entry for `record` showing `payload`.
    init(_ record: RecordedEvent, payload: JSONValue) {
        self.init(
            position: record.position, streamId: record.streamId, streamVersion: record.streamVersion, eventId: record.eventId,
            eventType: record.eventType, occurredAt: record.occurredAt, recordedAt: record.recordedAt, actor: record.actor,
            correlationId: record.correlationId, payload: payload)
    }
}
