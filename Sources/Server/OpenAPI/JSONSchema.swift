/// The subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) Harbour's bodies need.
public indirect enum JSONSchema: Sendable, Hashable, Encodable {
    /// A string, optionally with a format (`date`, `uuid`) or pattern.
    case string(format: String? = nil, pattern: String? = nil)
    /// One of the listed strings.
    case oneOf([String])
    /// An integer within bounds.
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    /// true or false.
    case boolean
    /// A list of one kind.
    case array(JSONSchema)
    /// An object with named properties, some required; no others allowed.
    case object(properties: [String: JSONSchema], required: [String])
    /// Any JSON object (an event payload checked by its own type).
    case anyObject

    enum Keys: String, CodingKey {
        case type, format, pattern, minimum, maximum, items, properties, required, additionalProperties
        case enumeration = "enum"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .string(let format, let pattern):
            try container.encode("string", forKey: .type)
            try container.encodeIfPresent(format, forKey: .format)
            try container.encodeIfPresent(pattern, forKey: .pattern)
        case .oneOf(let values):
            try container.encode("string", forKey: .type)
            try container.encode(values, forKey: .enumeration)
        case .integer(let minimum, let maximum):
            try container.encode("integer", forKey: .type)
            try container.encodeIfPresent(minimum, forKey: .minimum)
            try container.encodeIfPresent(maximum, forKey: .maximum)
        case .boolean:
            try container.encode("boolean", forKey: .type)
        case .array(let items):
            try container.encode("array", forKey: .type)
            try container.encode(items, forKey: .items)
        case .object(let properties, let required):
            try container.encode("object", forKey: .type)
            try container.encode(properties, forKey: .properties)
            try container.encode(required.sorted(), forKey: .required)
            try container.encode(false, forKey: .additionalProperties)
        case .anyObject:
            try container.encode("object", forKey: .type)
        }
    }
}
