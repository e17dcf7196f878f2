import Events
import Foundation
import HTTPTypes

/// How an entry's payload is shown and edited on the correction page, and the notes the file's
/// timeline shows beside a corrected or voided entry.
extension CorrectionPages {
    /// The entry's fields as they stand now: the latest correction's replacement, or the original.
    static func currentPayload(of entry: FileEntry, in file: ClientFile) -> [String: JSONValue] {
        currentPayloads(in: file)[entry.eventId] ?? [:]
    }

    /// Every entry's fields as they stand now, by event id, in one pass over the file: the
    /// latest correction's replacement (entries are in log order), or the original when there is
    /// none or that replacement is not an object.
    static func currentPayloads(in file: ClientFile) -> [UUID: [String: JSONValue]] {
        var recorded: [UUID: [String: JSONValue]] = [:]
        var replaced: [UUID: [String: JSONValue]] = [:]
        for entry in file.entries {
            guard case .object(let payload) = entry.payload else { continue }
            recorded[entry.eventId] = payload
            if entry.eventType == EventCorrected.eventType, let original = originalEventId(of: entry) {
                if case .object(let replacement)? = payload["replacement"] { replaced[original] = replacement } else { replaced[original] = nil }
            }
        }
        return recorded.merging(replaced) { _, replacement in replacement }
    }

    /// The entry a correction or a voiding names.
    static func originalEventId(of entry: FileEntry) -> UUID? {
        guard case .object(let payload) = entry.payload, case .string(let text)? = payload["originalEventId"] else { return nil }
        return UUID(uuidString: text)
    }

    /// What the timeline shows beside entry `eventId`: each correction and voiding of it, with
    /// when, who and why.
    static func notes(for eventId: UUID, in file: ClientFile, timeZone: TimeZone, names: ActorNames) throws -> [[String: Any]] {
        try file.entries.filter { uncorrectable.contains($0.eventType) && originalEventId(of: $0) == eventId }.map { note in
            let reason: String = if case .object(let payload) = note.payload, case .string(let text)? = payload["reason"] { text } else { FreeText.withheld }
            let what = note.eventType == EventVoided.eventType ? "Voided" : "Corrected"
            return ["note": "\(what) \(Plain.time(note.occurredAt, timeZone)) by \(try names.name(note.actor)): \(reason)", "voided": note.eventType == EventVoided.eventType]
        }
    }

    /// A plain field's value as the form shows it; nil for lists, groups and empty fields
    /// (those are changed through the API).
    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// A field the form does not edit, in words.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "—"
        case .string(let text): return text
        case .array(let items) where items.allSatisfy({ scalarText($0) != nil }): return items.compactMap(scalarText).joined(separator: ", ")
        default:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "—"
        }
    }

    /// `original` with the form's text in its place, keeping its type, or 422 naming the field.
    static func replaced(_ original: JSONValue, with text: String, field: String) throws -> JSONValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch original {
        case .string: return .string(trimmed)
        case .int:
            guard let number = Int64(trimmed) else { throw notA("whole number", field: field, got: text) }
            return .int(number)
        case .double:
            guard let number = Double(trimmed) else { throw notA("number", field: field, got: text) }
            return .double(number)
        case .bool:
            guard trimmed == "true" || trimmed == "false" else { throw notA("yes or no", field: field, got: text) }
            return .bool(trimmed == "true")
        case .null, .array, .object: return original
        }
    }

    static func notA(_ kind: String, field: String, got text: String) -> ProblemDetails {
        ProblemDetails(.unprocessableContent, detail: "\(Plain.words(field).capitalizedFirst) must be a \(kind).", errors: [FieldProblem(field: field, problem: "is not a \(kind) (got '\(text)')")])
    }
}
