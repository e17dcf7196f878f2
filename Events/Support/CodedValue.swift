/// A type the event catalogue prints as one value rather than opening up into fields.
public protocol CatalogueLeaf {}

/// An enumeration of coded values, encoded in JSON as its raw string. Every coded field in an
/// event is one of these, so the catalogue can list the allowed codes and a report can group by
/// them without parsing free text.
public protocol CodedValue: RawRepresentable, CaseIterable, Codable, Sendable, Hashable, CatalogueLeaf
where RawValue == String {}

extension CodedValue {
    /// Every allowed code, in declaration order.
    public static var codes: [String] { allCases.map(\.rawValue) }
}

/// Free text written by a worker (a note, a goal, an outcome in their words). It may name
/// people or describe their circumstances, so it counts as personal data and the privacy layer
/// seals it with the client's key. Encoded as a bare string.
public struct FreeText: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CatalogueLeaf {
    /// The text as written.
    public let text: String

    /// Wraps `text`.
    public init(_ text: String) { self.text = text }

    /// Wraps a literal.
    public init(stringLiteral value: String) { self.text = value }

    public init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
