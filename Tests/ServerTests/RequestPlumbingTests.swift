import Foundation
import Logging
@testable import Server
import Synchronization
import Testing

/// The per-request pieces written by hand: ids spelled as Foundation spells them, and log lines
/// as swift-log's stream handler writes them.
@Suite struct RequestPlumbingTests {
    @Test func uuidTextSpellsIdsAsFoundationDoes() {
        for _ in 0..<200 {
            let id = UUID()
            var upper: [UInt8] = []
            UUIDText.append(id, to: &upper)
            #expect(String(decoding: upper, as: UTF8.self) == id.uuidString)
            #expect(UUIDText.lowercase(id) == id.uuidString.lowercased())
        }
    }

    /// Collects what a handler writes.
    final class Lines: Sendable {
        let text = Mutex("")
        func write(_ string: String) { text.withLock { $0 += string } }
    }

    struct Collecting: TextOutputStream, Sendable {
        let lines: Lines
        mutating func write(_ string: String) { lines.write(string) }
    }

    /// A line without its leading timestamp (the two handlers may write in different seconds).
    static func withoutTimestamp(_ text: String) -> String {
        String(text.drop { $0 != " " })
    }

    @Test func deferredMetadataLinesAreTheStreamHandlersLines() {
        let deferredLines = Lines(), streamLines = Lines()
        var deferred = Logger(label: "harbour.test") { _ in
            DeferredMetadataLogHandler(output: StreamLogHandler(label: "harbour.test", stream: Collecting(lines: deferredLines), metadataProvider: nil))
        }
        var stream = Logger(label: "harbour.test") { _ in
            StreamLogHandler(label: "harbour.test", stream: Collecting(lines: streamLines), metadataProvider: nil)
        }
        deferred[metadataKey: "request_id"] = "abc"
        deferred[metadataKey: "hb.request.id"] = "7f"
        stream[metadataKey: "request_id"] = "abc"
        stream[metadataKey: "hb.request.id"] = "7f"
        deferred.info("request", metadata: ["status": "200", "request_id": "line wins"])
        stream.info("request", metadata: ["status": "200", "request_id": "line wins"])
        deferred.notice("plain")
        stream.notice("plain")
        deferred.debug("below the level")
        let written = deferredLines.text.withLock { $0 }
        #expect(written.contains(#"hb.request.id=7f request_id=line wins status=200"#))
        #expect(written.split(separator: "\n").count == 2)
        let expected = streamLines.text.withLock { $0 }.split(separator: "\n").map { Self.withoutTimestamp(String($0)) }
        #expect(written.split(separator: "\n").map { Self.withoutTimestamp(String($0)) } == expected)
    }
}
