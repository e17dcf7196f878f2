import Foundation

/// Walks example values by reflection, collecting the nested value types (with an example
/// instance each) and the coded-value enumerations a catalogue section refers to.
struct TypeWalker {
    private(set) var valueTypes: [String: Any] = [:]
    private(set) var codedValues: [String: [String]] = [:]

    mutating func visit(_ value: Any) {
        if let coded = value as? any CodedValue {
            codedValues[String(describing: type(of: coded))] = type(of: coded).codes
            return
        }
        if value is any CatalogueLeaf || value is UUID || value is String || value is Bool { return }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection, .set, .enum:
            for child in mirror.children { visit(child.value) }
        case .struct:
            let name = String(describing: type(of: value))
            if valueTypes[name] == nil { valueTypes[name] = value }
            for child in mirror.children { visit(child.value) }
        default:
            return
        }
    }

    /// `Optional<Array<X>>` as `[X]?`, the way the Swift source spells it.
    static func displayName(of value: Any) -> String {
        prettify(String(describing: type(of: value)))
    }

    static func prettify(_ name: String) -> String {
        guard let open = name.firstIndex(of: "<"), name.hasSuffix(">") else { return name }
        let outer = name[..<open]
        let inner = prettify(String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
        switch outer {
        case "Optional": return inner + "?"
        case "Array": return "[\(inner)]"
        case "Set": return "Set<\(inner)>"
        default: return "\(outer)<\(inner)>"
        }
    }
}
