import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, by name (the last value wins).
public struct FormFields: Sendable, Hashable {
    /// Field values by name.
    public let values: [String: String]

    /// Parses `body`.
    public init(body: String) {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.unescape(parts[0])
            values[name] = parts.count > 1 ? Self.unescape(parts[1]) : ""
        }
        self.values = values
    }

    /// The trimmed value of `name`, nil when absent or blank.
    public subscript(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private static func unescape(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
