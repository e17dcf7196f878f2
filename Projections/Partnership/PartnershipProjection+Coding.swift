import Events

extension PartnershipProjection {
    /// Writes a fact: a tag byte, then its fields.
    public static func encode(_ fact: Fact, to writer: inout ByteWriter) {
        switch fact {
        case .assessed(let on, let domains):
            writer.write(0)
            writer.write(date: on)
            writer.write(list: domains) { $0.write(code: $1) }
        case .served(let domain, let on):
            writer.write(1)
            writer.write(code: domain)
            writer.write(date: on)
        case .referred(let referralId, let domain, let partnerId, let on):
            writer.write(2)
            writer.write(string: referralId)
            writer.write(code: domain)
            writer.write(optionalString: partnerId)
            writer.write(date: on)
        case .partner(let name):
            writer.write(3)
            writer.write(string: name)
        }
    }

    /// Reads a fact written by ``encode(_:to:)``.
    public static func decode(from reader: inout ByteReader) throws(ByteReaderError) -> Fact {
        switch try reader.byte("partnership fact tag") {
        case 0:
            let on = try reader.date()
            return .assessed(on: on, domains: try reader.list("need domains") { (reader: inout ByteReader) throws(ByteReaderError) in try reader.code(NeedDomain.self) })
        case 1: return .served(domain: try reader.code(NeedDomain.self), on: try reader.date())
        case 2:
            return .referred(
                referralId: try reader.string(), domain: try reader.code(NeedDomain.self), partnerId: try reader.optionalString(),
                on: try reader.date())
        case 3: return .partner(name: try reader.string())
        case let tag: throw reader.invalid("partnership fact tag \(tag)")
        }
    }
}
