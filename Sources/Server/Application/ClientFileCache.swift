import Synchronization

/// Client-file entries already rendered to JSON, per stream and up to a stream version. A log
/// never rewrites an event, so a stream's entries up to version N stay what they were: a later
/// view renders only what was appended since (the view it just recorded, for one) and takes the
/// rest from here. Entries hold opened personal data, so the renderer drops a client's streams
/// once their erasure is in the log and never keeps them again (see ``ClientFileRenderer``).
/// Bounded by the bytes kept; the streams used longest ago go first.
final class ClientFileCache: Sendable {
    /// One entry, rendered.
    struct Entry: Sendable {
        /// Its log position (files list entries in log order).
        let position: UInt64
        /// The entry's JSON object.
        let json: [UInt8]
    }

    /// A stream's entries, rendered up to `version`.
    struct Stream: Sendable {
        /// The last stream version rendered.
        var version: UInt64
        /// Every entry up to `version`, oldest first.
        var entries: [Entry]
        /// The bytes of JSON they hold.
        var bytes: Int
    }

    private struct State {
        var streams: [String: (stream: Stream, lastUsed: UInt64)] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    /// Most JSON bytes kept at once.
    let bytesMax: Int
    private let state = Mutex(State())

    /// A cache keeping at most `bytesMax` bytes of rendered entries.
    init(bytesMax: Int = 64 << 20) {
        self.bytesMax = bytesMax
    }

    /// The entries kept for `streamId`, marked as just used.
    func stream(_ streamId: String) -> Stream? {
        state.withLock { state in
            guard let kept = state.streams[streamId] else { return nil }
            state.clock += 1
            state.streams[streamId] = (kept.stream, state.clock)
            return kept.stream
        }
    }

    /// Keeps `stream` for `streamId` unless a later version is kept already; then drops the
    /// streams used longest ago until the cache is back to three quarters of ``bytesMax``.
    func keep(_ streamId: String, _ stream: Stream) {
        guard stream.bytes <= bytesMax / 4 else { return }
        state.withLock { state in
            if let kept = state.streams[streamId] {
                guard kept.stream.version < stream.version else { return }
                state.bytes -= kept.stream.bytes
            }
            state.clock += 1
            state.streams[streamId] = (stream, state.clock)
            state.bytes += stream.bytes
            if state.bytes > bytesMax { Self.evict(&state, downTo: bytesMax / 4 * 3) }
        }
    }

    /// Drops whatever is kept for `streamIds`.
    func forget(_ streamIds: [String]) {
        state.withLock { state in
            for id in streamIds {
                if let kept = state.streams.removeValue(forKey: id) { state.bytes -= kept.stream.bytes }
            }
        }
    }

    /// Bytes of JSON kept now.
    var bytesKept: Int { state.withLock { $0.bytes } }

    /// True when something is kept for `streamId` (for tests; does not count as a use).
    func holds(_ streamId: String) -> Bool { state.withLock { $0.streams[streamId] != nil } }

    private static func evict(_ state: inout State, downTo bytesTarget: Int) {
        let oldestFirst = state.streams.sorted { $0.value.lastUsed < $1.value.lastUsed }
        for (id, kept) in oldestFirst {
            guard state.bytes > bytesTarget else { break }
            state.streams[id] = nil
            state.bytes -= kept.stream.bytes
        }
    }
}
