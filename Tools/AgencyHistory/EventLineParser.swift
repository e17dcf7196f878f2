public import EventStore
public import Events
public import Foundation

/// What is wrong with one import line: the envelope field and the problem.
public struct EventLineProblem: Error, Sendable, Equatable {
    /// `stream`, `eventId`, … or `line` when the line is not JSON at all.
    public let field: String
    /// E.g. `is missing`.
    public let problem: String

    init(_ field: String, _ problem: String) {
        self.field = field
        self.problem = problem
    }
}

/// One import line read by ``EventLineParser``: the envelope's fields, and the payload as
/// bytes in ``EventCoding``'s form, ready to store.
public struct ParsedEventLine: Sendable {
    public var stream = ""
    public var streamVersion: UInt64?
    public var eventId = UUID()
    public var eventType = ""
    public var schemaVersion: UInt16 = 0
    public var occurredAt = Timestamp(microsecondsSinceEpoch: 0)
    public var recordedAt: Timestamp?
    public var actor = ""
    public var correlationId: UUID?
    public var causationId: UUID?
    /// The payload as the store keeps it.
    public var payload: [UInt8] = []

    /// The event to append: recorded-at kept when the line has one.
    public func proposedEvent() -> ProposedEvent {
        ProposedEvent(
            eventId: eventId, eventType: eventType, schemaVersion: schemaVersion, occurredAt: occurredAt, actor: actor,
            correlationId: correlationId, causationId: causationId, payload: payload, recordedAt: recordedAt)
    }
}

/// Reads an import line by hand: the same fields and the same messages as decoding an
/// ``EventLine`` with Foundation, without building a `JSONValue` tree for the payload — a
/// payload already in canonical form (as every export writes it) is stored as it is, any
/// other is re-encoded the exact, slow way.
public enum EventLineParser {
    static let required = ["actor", "eventId", "eventType", "occurredAt", "payload", "schemaVersion", "stream"]

    /// Parses one line (without its newline).
    public static func parse(_ bytes: ArraySlice<UInt8>) throws(EventLineProblem) -> ParsedEventLine {
        var scanner = JSONScanner(bytes)
        var line = ParsedEventLine()
        var seen = Set<String>()
        guard scanner.consume(UInt8(ascii: "{")) else { throw notJSON }
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                guard let key = scanner.string(), scanner.consume(UInt8(ascii: ":")) else { throw notJSON }
                try read(key, into: &line, from: &scanner)
                seen.insert(key)
            } while scanner.consume(UInt8(ascii: ","))
            guard scanner.consume(UInt8(ascii: "}")) else { throw notJSON }
        }
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw notJSON }
        if let missing = required.first(where: { !seen.contains($0) }) { throw EventLineProblem(missing, "is missing") }
        return line
    }

    static let notJSON = EventLineProblem("line", "is not valid JSON")

    private static func read(_ key: String, into line: inout ParsedEventLine, from scanner: inout JSONScanner) throws(EventLineProblem) {
        switch key {
        case "stream": line.stream = try string(key, &scanner)
        case "eventType": line.eventType = try string(key, &scanner)
        case "actor": line.actor = try string(key, &scanner)
        case "eventId": line.eventId = try uuid(key, &scanner)
        case "correlationId": line.correlationId = try optional(&scanner) { (s: inout JSONScanner) throws(EventLineProblem) in try uuid(key, &s) }
        case "causationId": line.causationId = try optional(&scanner) { (s: inout JSONScanner) throws(EventLineProblem) in try uuid(key, &s) }
        case "occurredAt": line.occurredAt = try timestamp(key, &scanner)
        case "recordedAt": line.recordedAt = try optional(&scanner) { (s: inout JSONScanner) throws(EventLineProblem) in try timestamp(key, &s) }
        case "streamVersion": line.streamVersion = try optional(&scanner) { (s: inout JSONScanner) throws(EventLineProblem) in try integer(key, &s) }
        case "schemaVersion":
            let version = try integer(key, &scanner)
            guard version <= UInt64(UInt16.max) else { throw EventLineProblem(key, "is \(version), more than a schema version can be (65535)") }
            line.schemaVersion = UInt16(version)
        case "payload": line.payload = try payload(&scanner)
        default:
            // Unknown keys are ignored, as Foundation's decoder ignores them (`position` too).
            guard scanner.skipValue() != nil else { throw notJSON }
        }
    }

    private static func optional<T>(
        _ scanner: inout JSONScanner, _ read: (inout JSONScanner) throws(EventLineProblem) -> T
    ) throws(EventLineProblem) -> T? {
        scanner.skipWhitespace()
        if scanner.consume(literal: "null") { return nil }
        return try read(&scanner)
    }

    private static func string(_ key: String, _ scanner: inout JSONScanner) throws(EventLineProblem) -> String {
        scanner.skipWhitespace()
        if let text = scanner.string() { return text }
        throw try mismatch(key, "a string", &scanner)
    }

    private static func uuid(_ key: String, _ scanner: inout JSONScanner) throws(EventLineProblem) -> UUID {
        let text = try string(key, &scanner)
        guard let id = UUID(uuidString: text) else { throw EventLineProblem(key, "'\(text)' is not a UUID") }
        return id
    }

    private static func timestamp(_ key: String, _ scanner: inout JSONScanner) throws(EventLineProblem) -> Timestamp {
        let text = try string(key, &scanner)
        guard let time = Timestamp(iso8601: text) else {
            throw EventLineProblem(key, "'\(text)' is not an ISO 8601 date-time such as 2025-04-01T09:30:00Z")
        }
        return time
    }

    private static func integer(_ key: String, _ scanner: inout JSONScanner) throws(EventLineProblem) -> UInt64 {
        let start = scanner.index
        if let value = scanner.unsigned() { return value }
        scanner.index = start
        throw try mismatch(key, "an integer", &scanner)
    }

    /// The problem for a value of the wrong kind: null, another JSON value, or not JSON.
    private static func mismatch(_ key: String, _ kind: String, _ scanner: inout JSONScanner) throws(EventLineProblem) -> EventLineProblem {
        scanner.skipWhitespace()
        if scanner.consume(literal: "null") { return EventLineProblem(key, "is null, but must be \(kind)") }
        guard scanner.skipValue() != nil else { throw notJSON }
        return EventLineProblem(key, "is not \(kind)")
    }

    /// The payload object's bytes, spliced when canonical, else re-encoded through `JSONValue`.
    private static func payload(_ scanner: inout JSONScanner) throws(EventLineProblem) -> [UInt8] {
        scanner.skipWhitespace()
        guard let range = scanner.skipValue() else { throw notJSON }
        let span = scanner.bytes[range]
        guard span.first == UInt8(ascii: "{") else { throw EventLineProblem("payload", "is not a JSON object") }
        if CanonicalJSON.isCanonical(span) { return Array(span) }
        guard let value = try? EventCoding.decoder().decode(JSONValue.self, from: Data(span)),
            let bytes = try? EventCoding.encoder().encode(value)
        else { throw notJSON }
        return Array(bytes)
    }
}
