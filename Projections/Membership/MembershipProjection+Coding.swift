import Events

extension MembershipProjection {
    /// Writes a fact: a tag byte, then its fields.
    public static func encode(_ fact: Fact, to writer: inout ByteWriter) {
        switch fact {
        case .applied(let kind, let displayName, let representative, let appliedOn):
            writer.write(0)
            writer.write(code: kind)
            writer.write(string: displayName)
            writer.write(optionalString: representative)
            writer.write(date: appliedOn)
        case .approved(let on):
            writer.write(1)
            writer.write(date: on)
        case .rejected(let on):
            writer.write(2)
            writer.write(date: on)
        case .duesPaid(let paidOn, let startsOn, let expiresOn):
            writer.write(3)
            writer.write(date: paidOn)
            writer.write(date: startsOn)
            writer.write(date: expiresOn)
        case .representative(let name, let on):
            writer.write(4)
            writer.write(string: name)
            writer.write(date: on)
        case .lapsed(let on):
            writer.write(5)
            writer.write(date: on)
        }
    }

    /// Reads a fact written by ``encode(_:to:)``.
    public static func decode(from reader: inout ByteReader) throws(ByteReaderError) -> Fact {
        switch try reader.byte("membership fact tag") {
        case 0:
            return .applied(
                kind: try reader.code(MembershipKind.self), displayName: try reader.string(), representative: try reader.optionalString(),
                appliedOn: try reader.date())
        case 1: return .approved(try reader.date())
        case 2: return .rejected(try reader.date())
        case 3: return .duesPaid(paidOn: try reader.date(), startsOn: try reader.date(), expiresOn: try reader.date())
        case 4: return .representative(try reader.string(), on: try reader.date())
        case 5: return .lapsed(try reader.date())
        case let tag: throw reader.invalid("membership fact tag \(tag)")
        }
    }
}
