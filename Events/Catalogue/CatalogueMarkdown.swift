import Foundation

extension EventCatalogue {
    /// The event catalogue as Markdown (`docs/events.md`): every event type with its version,
    /// stream, fields, upcasters and an example payload, then the value types and coded values
    /// the fields use. Built by reflecting on each type's `example`, so it cannot drift from
    /// the code.
    public static func markdown() -> String {
        var walker = TypeWalker()
        var lines = header()
        for area in areas {
            lines.append("## \(area.name)")
            lines.append("")
            for type in area.types { lines += section(for: type, walker: &walker) }
        }
        lines += valueTypeSections(walker)
        lines += codedValueSections(walker)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func header() -> [String] {
        [
            "# Event catalogue", "",
            "Generated from `EventCatalogue` by `EventCatalogue.markdown()`; do not edit by hand. The test",
            "`EventCatalogueTests` fails when this file differs from the code and rewrites it.", "",
            "Payloads are JSON with camelCase keys named exactly as the Swift properties, keys sorted,",
            "calendar days as `YYYY-MM-DD`. Metadata (actor, occurred-at, recorded-at, correlation and",
            "causation ids) is in the store's envelope, never in the payload. A payload of an older",
            "schema version is upcast on read; the log is never rewritten.", "",
            "Fields typed `Sealed<…>` or `FreeText` are personal data: written through the casework",
            "service they are sealed with the data key of the stream (AES-256-GCM), stored as",
            "`{\"sealed\": {\"keyId\": …, \"box\": base64(nonce ‖ ciphertext ‖ tag)}}`, and unreadable",
            "once the subject is erased (their keys destroyed). A value without `sealed` is in clear",
            "(payloads written before sealing existed). `MemberDetails` (and a representative's name)",
            "are not sealed yet: the membership register shows them.", "",
        ]
    }

    private static func section(for type: any DomainEvent.Type, walker: inout TypeWalker) -> [String] {
        let example = type.example
        var lines = ["### \(type.eventType) (v\(type.schemaVersion))", "", type.summary, ""]
        lines.append("Stream: \(streamPattern(of: example)).")
        lines.append("")
        lines += fieldTable(of: example, walker: &walker)
        if !type.upcasters.isEmpty {
            lines.append("Upcasters:")
            lines += type.upcasters.map { "- v\($0.fromVersion) → v\($0.fromVersion + 1): \($0.change)" }
            lines.append("")
        }
        lines += ["Example:", "", "```json", prettyJSON(example), "```", ""]
        return lines
    }

    private static func streamPattern(of event: any DomainEvent) -> String {
        if event is EventCorrected || event is EventVoided { return "the stream of the original event" }
        return "`\(StreamID.category(of: event.streamId))-<id>`"
    }

    private static func fieldTable(of value: Any, walker: inout TypeWalker) -> [String] {
        var lines = ["| field | type |", "| --- | --- |"]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            lines.append("| `\(label)` | `\(TypeWalker.displayName(of: child.value))` |")
            walker.visit(child.value)
        }
        lines.append("")
        return lines
    }

    private static func valueTypeSections(_ walker: TypeWalker) -> [String] {
        var lines = ["## Value types", ""]
        var nested = TypeWalker()
        for name in walker.valueTypes.keys.sorted() {
            lines += ["### \(name)", ""]
            lines += fieldTable(of: walker.valueTypes[name]!, walker: &nested)
        }
        return lines
    }

    private static func codedValueSections(_ walker: TypeWalker) -> [String] {
        var lines = ["## Coded values", "", "| type | codes |", "| --- | --- |"]
        for name in walker.codedValues.keys.sorted() {
            lines.append("| `\(name)` | " + walker.codedValues[name]!.map { "`\($0)`" }.joined(separator: ", ") + " |")
        }
        return lines
    }

    private static func prettyJSON(_ event: any DomainEvent) -> String {
        let encoder = EventCoding.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        guard let data = try? encoder.encode(event) else { return "(example does not encode)" }
        return String(decoding: data, as: UTF8.self)
    }
}
