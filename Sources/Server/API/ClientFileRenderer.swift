import Events
import EventStore
import Foundation
import NIOCore

/// The client file as the API sends it (``ClientFile``'s JSON), assembled from entries rendered
/// once per stream version (``ClientFileCache``): a repeated view reads and renders only the
/// events appended to the client's streams since, then joins the rest in log order.
///
/// Views of the file are not entries of it: they would soon outnumber the casework (every
/// showing adds one). The file says how many there were and shows the latest
/// ``recentViewsMax``, the one this showing recorded first; the audit trail lists them all.
///
/// Entries are the same for every role that may read a file (the route's role check runs
/// before this), so one cache serves them all. Once a client's erasure is in their stream the
/// file is rendered fresh on every view and nothing of it is kept: entries rendered before the
/// keys were destroyed hold opened personal data.
struct ClientFileRenderer {
    let store: EventStore
    let registry: EventRegistry
    /// Nil renders everything afresh.
    let cache: ClientFileCache?

    /// What one stream gave.
    enum Rendered {
        /// The stream has no events.
        case missing
        /// The client's erasure is among the stream's events (only looked for in their own
        /// stream, and only when rendering into a cache).
        case erased
        /// The stream's entries.
        case entries(ClientFileCache.Stream)
    }

    /// How many of the latest views a file shows.
    static let recentViewsMax = 5

    /// The JSON of `clientId`'s file (their stream and `referrals`, with the latest views of the
    /// file) and their stream's version; 404 when the client has no stream.
    func body(_ clientId: ClientID, referrals: [String]) throws -> (body: ByteBuffer, version: UInt64) {
        let own = StreamID.client(clientId)
        let access = StreamID.access(clientId)
        // Without a cache nothing is kept, so an erasure changes nothing about how it renders.
        switch try rendered(own, erasureMatters: cache != nil) {
        case .missing:
            throw ClientReads.notFound(clientId)
        case .erased:
            cache?.forget([own, access] + referrals)
            return try ClientFileRenderer(store: store, registry: registry, cache: nil).body(clientId, referrals: referrals)
        case .entries(let ownEntries):
            var entries = ownEntries.entries
            for stream in referrals {
                if case .entries(let more) = try rendered(stream, erasureMatters: false) { entries += more.entries }
            }
            entries.sort { $0.position < $1.position }
            let views = try latestViews(access)
            return (Self.assemble(clientId: clientId, entries: entries, version: ownEntries.version, views: views), ownEntries.version)
        }
    }

    /// The last ``recentViewsMax`` views in `stream` (the client's access stream, which holds
    /// views only), oldest first, with the stream's version; nil when nobody viewed the file.
    /// Read from the end of the stream however long it is; entries kept are not rendered again.
    func latestViews(_ stream: String) throws -> ClientFileCache.Stream? {
        let kept = cache?.stream(stream)
        let records = try store.readStream(stream, direction: .backwards, limit: Self.recentViewsMax).reversed()
        guard let last = records.last else { return nil }
        if let kept, kept.version == last.streamVersion { return kept }
        var result = ClientFileCache.Stream(version: last.streamVersion, entries: [], bytes: 0)
        for record in records {
            let entry =
                try kept?.entries.first { $0.position == record.position }
                ?? ClientFileCache.Entry(position: record.position, json: FileEntryJSON.render(record, registry: registry))
            result.entries.append(entry)
            result.bytes += entry.json.count
        }
        cache?.keep(stream, result)
        return result
    }

    /// `stream`'s entries: those kept, and the events appended since rendered and kept with them.
    func rendered(_ stream: String, erasureMatters: Bool) throws -> Rendered {
        let kept = cache?.stream(stream)
        let records = try store.readStream(stream, from: kept.map { $0.version + 1 } ?? 0)
        if erasureMatters, records.contains(where: { $0.eventType == PersonalDataErased.eventType }) { return .erased }
        guard let last = records.last else { return kept.map(Rendered.entries) ?? .missing }
        var result = kept ?? ClientFileCache.Stream(version: 0, entries: [], bytes: 0)
        result.entries.reserveCapacity(result.entries.count + records.count)
        // Logs written before views had a stream of their own hold them in the client's stream.
        for record in records where record.eventType != ClientFileViewed.eventType {
            let json = try FileEntryJSON.render(record, registry: registry)
            result.entries.append(ClientFileCache.Entry(position: record.position, json: json))
            result.bytes += json.count
        }
        result.version = last.streamVersion
        cache?.keep(stream, result)
        return .entries(result)
    }

    /// `{"clientId":…,"entries":[…],"streamVersion":…,"views":{"count":…,"recent":[…]}}`, keys
    /// sorted as ``JSONResponse`` sorts them, the recent views newest first.
    static func assemble(clientId: ClientID, entries: [ClientFileCache.Entry], version: UInt64, views: ClientFileCache.Stream?)
        -> ByteBuffer
    {
        var head: [UInt8] = Array(#"{"clientId":"#.utf8)
        FileEntryJSON.string(clientId.rawValue, to: &head)
        head += #","entries":["#.utf8
        let viewCount = views.map { $0.version + 1 } ?? 0
        let middle = Array(#"],"streamVersion":\#(version),"views":{"count":\#(viewCount),"recent":["#.utf8)
        let recent = Array((views?.entries ?? []).reversed())
        var buffer = ByteBuffer()
        let entryBytes = entries.reduce(entries.count) { $0 + $1.json.count } + recent.reduce(recent.count) { $0 + $1.json.count }
        buffer.reserveCapacity(head.count + middle.count + 3 + entryBytes)
        buffer.writeBytes(head)
        write(entries, to: &buffer)
        buffer.writeBytes(middle)
        write(recent, to: &buffer)
        buffer.writeBytes(Array("]}}".utf8))
        return buffer
    }

    private static func write(_ entries: [ClientFileCache.Entry], to buffer: inout ByteBuffer) {
        for (index, entry) in entries.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            buffer.writeBytes(entry.json)
        }
    }
}
