import Events
import EventStore
import Foundation
import NIOCore

/// The client file as the API sends it (``ClientFile``'s JSON), assembled from entries rendered
/// once per stream version (``ClientFileCache``): a repeated view reads and renders only the
/// events appended to the client's streams since, then joins the rest in log order.
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

    /// The JSON of `clientId`'s file (their stream, `referrals`, and the views of the file) and
    /// their stream's version; 404 when the client has no stream.
    func body(_ clientId: ClientID, referrals: [String]) throws -> (body: ByteBuffer, version: UInt64) {
        let own = StreamID.client(clientId)
        let others = referrals + [StreamID.access(clientId)]
        // Without a cache nothing is kept, so an erasure changes nothing about how it renders.
        switch try rendered(own, erasureMatters: cache != nil) {
        case .missing:
            throw ClientReads.notFound(clientId)
        case .erased:
            cache?.forget([own] + others)
            return try ClientFileRenderer(store: store, registry: registry, cache: nil).body(clientId, referrals: referrals)
        case .entries(let ownEntries):
            var entries = ownEntries.entries
            for stream in others {
                if case .entries(let more) = try rendered(stream, erasureMatters: false) { entries += more.entries }
            }
            entries.sort { $0.position < $1.position }
            return (Self.assemble(clientId: clientId, entries: entries, version: ownEntries.version), ownEntries.version)
        }
    }

    /// `stream`'s entries: those kept, and the events appended since rendered and kept with them.
    func rendered(_ stream: String, erasureMatters: Bool) throws -> Rendered {
        let kept = cache?.stream(stream)
        let records = try store.readStream(stream, from: kept.map { $0.version + 1 } ?? 0)
        if erasureMatters, records.contains(where: { $0.eventType == PersonalDataErased.eventType }) { return .erased }
        guard let last = records.last else { return kept.map(Rendered.entries) ?? .missing }
        var result = kept ?? ClientFileCache.Stream(version: 0, entries: [], bytes: 0)
        result.entries.reserveCapacity(result.entries.count + records.count)
        for record in records {
            let json = try FileEntryJSON.render(record, registry: registry)
            result.entries.append(ClientFileCache.Entry(position: record.position, json: json))
            result.bytes += json.count
        }
        result.version = last.streamVersion
        cache?.keep(stream, result)
        return .entries(result)
    }

    /// `{"clientId":…,"entries":[…],"streamVersion":…}`, keys sorted as ``JSONResponse`` sorts them.
    static func assemble(clientId: ClientID, entries: [ClientFileCache.Entry], version: UInt64) -> ByteBuffer {
        var head: [UInt8] = Array(#"{"clientId":"#.utf8)
        FileEntryJSON.string(clientId.rawValue, to: &head)
        head += #","entries":["#.utf8
        let tail = Array(#"],"streamVersion":\#(version)}"#.utf8)
        var buffer = ByteBuffer()
        buffer.reserveCapacity(head.count + tail.count + entries.reduce(entries.count) { $0 + $1.json.count })
        buffer.writeBytes(head)
        for (index, entry) in entries.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            buffer.writeBytes(entry.json)
        }
        buffer.writeBytes(tail)
        return buffer
    }
}
