import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Answers computed from the read models, kept while the models stay at the same log position:
/// a report or caseload asked for again before anything new was applied is the same answer, so
/// it is computed once. A new position replaces the entry on its next use.
final class ReadCache: Sendable {
    /// Answers kept at once; beyond it the cache starts over.
    static let entriesMax = 4_096

    private let entries = Mutex<[String: (position: UInt64, value: any Sendable)]>([:])

    init() {}

    /// The answer for `key` at `position`, computing it with `make` when none is kept.
    func value<T: Sendable>(_ key: String, position: UInt64, make: () throws -> T) throws -> T {
        if let kept = entries.withLock({ $0[key] }), kept.position == position, let value = kept.value as? T { return value }
        let value = try make()
        entries.withLock { entries in
            if entries.count >= Self.entriesMax { entries.removeAll(keepingCapacity: true) }
            if let kept = entries[key], kept.position > position { return }
            entries[key] = (position, value)
        }
        return value
    }

    /// A JSON answer for `key` at `position`, encoded once: a large report is the same bytes
    /// for every reader until the models move on.
    func json(_ key: String, position: UInt64, _ make: () throws -> some Encodable) throws -> Response {
        let body = try value("json|" + key, position: position) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return ByteBuffer(bytes: try encoder.encode(try make()))
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: body))
    }
}
