import Foundation

/// What is wrong with one input line, as `FILE:LINE: field: problem`.
struct LineProblem: Error {
    let field: String
    let problem: String

    init(_ field: String, _ problem: String) {
        self.field = field
        self.problem = problem
    }

    /// The field and problem a JSON decoding error describes, with `prefix` before the path.
    init(_ error: DecodingError, prefix: String = "") {
        func path(_ codingPath: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            let keys = (codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
            let joined = (prefix + keys.joined()).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            return joined.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(path(context.codingPath, key), "is missing")
        case .typeMismatch(let type, let context):
            self.init(path(context.codingPath), "is not \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            self.init(path(context.codingPath), "is null, but must be \(Self.describe(type))")
        case .dataCorrupted(let context) where context.codingPath.isEmpty && prefix.isEmpty:
            self.init("line", "is not valid JSON")
        case .dataCorrupted(let context):
            self.init(path(context.codingPath), Self.clean(context.debugDescription))
        @unknown default:
            self.init(prefix.isEmpty ? "line" : prefix, "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch "\(type)" {
        case "String": "a string"
        case "Int", "Int64", "UInt64", "UInt16", "Int32": "an integer"
        case "Bool": "true or false"
        case let name where name.hasPrefix("Array") || name.hasPrefix("["): "an array"
        case let name where name.hasPrefix("Dictionary"): "an object"
        case let name: "a \(name)"
        }
    }

    private static func clean(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
