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
/// seals it with the data key of the stream it is written to. Encoded as a bare string in clear,
/// or as `{"sealed": …}` (see ``Sealed``).
public struct FreeText: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CatalogueLeaf {
    /// What is shown in place of text that is sealed and cannot be opened here.
    public static let withheld = "[personal data withheld]"

    /// The text, in clear or sealed.
    public let content: Sealed<String>

    /// Wraps `text`.
    public init(_ text: String) { self.content = .clear(text) }

    /// Wraps a literal.
    public init(stringLiteral value: String) { self.content = .clear(value) }

    /// The text as written, or nil while it is sealed (key absent or destroyed).
    public var clearText: String? { content.value }

    /// The text as written, or ``withheld`` while it is sealed.
    public var text: String { content.value ?? Self.withheld }

    public init(from decoder: any Decoder) throws {
        content = try Sealed<String>(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try content.encode(to: encoder)
    }
}
