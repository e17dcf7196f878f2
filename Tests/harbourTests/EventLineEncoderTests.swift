@testable import AgencyHistory
import EventStore
import Events
import Foundation
import Testing

@Suite("export line encoder")
struct EventLineEncoderTests {
    /// `event` as the log would hold it, with the given envelope text and times.
    static func recorded(
        _ event: GeneratedEvent, actor: String? = nil, stream: String? = nil, recordedAt: Timestamp? = nil, causation: UUID? = nil
    ) -> RecordedEvent {
        let proposed = event.event
        return RecordedEvent(
            position: event.position, streamId: stream ?? event.stream, streamVersion: event.streamVersion, eventId: proposed.eventId,
            eventType: proposed.eventType, schemaVersion: proposed.schemaVersion, recordedAt: recordedAt ?? proposed.recordedAt!,
            occurredAt: proposed.occurredAt, actor: actor ?? proposed.actor, correlationId: proposed.correlationId,
            causationId: causation ?? proposed.causationId, payload: proposed.payload, hash: .zero)
    }

    @Test("the hand-written line equals Foundation's for every event of a generated history")
    func generatedHistory() throws {
        for event in AgencyHistory(seed: 3, count: 1_000) {
            let record = Self.recorded(event)
            let fast = EventLineEncoder.line(record)
            let slow = try EventLine(record).encoded()
            #expect(fast == slow, "\(String(decoding: fast, as: UTF8.self))")
            if fast != slow { return }
        }
    }

    @Test(
        "strings that need escaping, times before 1970 and far ahead, and a causation id are written as Foundation writes them",
        arguments: [
            ("a\"b\\c\nd/é\u{1}", "client-ü\t", Timestamp(microsecondsSinceEpoch: -1)),
            ("u-admin", "user-u-admin", Timestamp(microsecondsSinceEpoch: -2_208_988_800_000_001)),
            ("u-😀", "member-m-1", Timestamp(iso8601: "2099-12-31T23:59:59.999999Z")!),
            ("u-leap", "client-c-1", Timestamp(iso8601: "2024-02-29T12:00:00.5Z")!),
        ])
    func awkwardEnvelopes(actor: String, stream: String, recordedAt: Timestamp) throws {
        let event = try #require(AgencyHistory(seed: 1, count: 5).first { _ in true })
        let record = Self.recorded(event, actor: actor, stream: stream, recordedAt: recordedAt, causation: UUID())
        let fast = EventLineEncoder.line(record)
        let slow = try EventLine(record).encoded()
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: slow, as: UTF8.self))
    }
}

@Suite("import line parser")
struct EventLineParserTests {
    @Test("every exported line of a generated history parses to the envelope and payload Foundation reads")
    func generatedHistory() throws {
        for event in AgencyHistory(seed: 5, count: 1_000) {
            let line = try EventLine(event)
            let parsed = try EventLineParser.parse(ArraySlice(try line.encoded()))
            #expect(parsed.proposedEvent() == (try line.proposedEvent()))
            #expect(parsed.stream == line.stream && parsed.streamVersion == line.streamVersion)
            if parsed.proposedEvent() != (try line.proposedEvent()) { return }
        }
    }

    static let envelope = #"{"actor":"u-1","eventId":"0190A0E0-0000-7000-8000-000000000001","eventType":"T","occurredAt":"2025-04-01T00:00:00Z","schemaVersion":1,"stream":"client-c-1","payload":"#

    @Test(
        "a payload not in canonical form is stored as Foundation re-encodes it",
        arguments: [
            #"{ "b": 1, "a": [1, 2.5, -0, 1e3] }"#, #"{"note":"line\nbreak \u00e9 \/ \"q\"","z":null}"#, #"{"Zed":1,"alpha":2}"#,
            #"{"a1":true,"a10":false,"a9":{}}"#, #"{"x":12345678901234567890}"#, #"{"clientId":"c-1","component":"languageTraining","minutes":60}"#,
            #"{"é":"ü","e":"😀"}"#, #"{"a":{"c":[],"b":[{"y":1,"x":2}]}}"#,
        ])
    func nonCanonicalPayload(_ payload: String) throws {
        let parsed = try EventLineParser.parse(ArraySlice(Array((Self.envelope + payload + "}").utf8)))
        let value = try EventCoding.decoder().decode(JSONValue.self, from: Data(payload.utf8))
        #expect(parsed.payload == Array(try EventCoding.encoder().encode(value)), "\(String(decoding: parsed.payload, as: UTF8.self))")
    }

    @Test(
        "a bad envelope is named as Foundation's decoder would name it",
        arguments: [
            (#"{"actor":"u-1"}"#, "eventId", "is missing"),
            (String(envelope.prefix(40)), "line", "is not valid JSON"),
            (envelope + "{}} trailing", "line", "is not valid JSON"),
            (envelope.replacingOccurrences(of: #""stream":"client-c-1""#, with: #""stream":7"#) + "{}}", "stream", "is not a string"),
            (envelope.replacingOccurrences(of: #""actor":"u-1""#, with: #""actor":null"#) + "{}}", "actor", "is null, but must be a string"),
            (envelope.replacingOccurrences(of: #""schemaVersion":1"#, with: #""schemaVersion":"1""#) + "{}}", "schemaVersion", "is not an integer"),
            (envelope.replacingOccurrences(of: #""schemaVersion":1"#, with: #""schemaVersion":1.5"#) + "{}}", "schemaVersion", "is not an integer"),
            (envelope.replacingOccurrences(of: "2025-04-01T00", with: "2025-04-31T00") + "{}}", "occurredAt",
             "'2025-04-31T00:00:00Z' is not an ISO 8601 date-time such as 2025-04-01T09:30:00Z"),
            (envelope + "[1]}", "payload", "is not a JSON object"),
        ])
    func badEnvelope(_ line: String, field: String, problem: String) {
        #expect(throws: EventLineProblem(field, problem)) { try EventLineParser.parse(ArraySlice(Array(line.utf8))) }
    }
}
