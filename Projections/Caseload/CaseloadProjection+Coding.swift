import Events

extension CaseloadProjection {
    /// Writes a fact: a tag byte, then its fields.
    public static func encode(_ fact: Fact, to writer: inout ByteWriter) {
        switch fact {
        case .opened(let on): writer.write(0); writer.write(date: on)
        case .assigned(let worker): writer.write(1); writer.write(string: worker)
        case .transferred(let worker): writer.write(2); writer.write(string: worker)
        case .followUpScheduled(let id, let due):
            writer.write(3)
            writer.write(string: id)
            writer.write(date: due)
        case .followUpCompleted(let id): writer.write(4); writer.write(string: id)
        case .closed(let on): writer.write(5); writer.write(date: on)
        case .reopened(let on): writer.write(6); writer.write(date: on)
        case .contact(let on): writer.write(7); writer.write(date: on)
        case .referralMade(let id, let madeOn, let to):
            writer.write(8)
            writer.write(string: id)
            writer.write(date: madeOn)
            writer.write(string: to)
        case .referralState(let stage, let on):
            writer.write(9)
            writer.write(string: stage.rawValue)
            writer.write(date: on)
        case .referralOf(let client, let madeOn, let to):
            writer.write(10)
            writer.write(string: client)
            writer.write(date: madeOn)
            writer.write(string: to)
        }
    }

    /// Reads a fact written by ``encode(_:to:)``.
    public static func decode(from reader: inout ByteReader) throws(ByteReaderError) -> Fact {
        switch try reader.byte("caseload fact tag") {
        case 0: return .opened(try reader.date())
        case 1: return .assigned(worker: try reader.string())
        case 2: return .transferred(to: try reader.string())
        case 3: return .followUpScheduled(id: try reader.string(), dueOn: try reader.date())
        case 4: return .followUpCompleted(id: try reader.string())
        case 5: return .closed(try reader.date())
        case 6: return .reopened(try reader.date())
        case 7: return .contact(try reader.date())
        case 8: return .referralMade(referralId: try reader.string(), madeOn: try reader.date(), to: try reader.string())
        case 9:
            let raw = try reader.string("referral stage")
            guard let stage = ReferralStage(rawValue: raw) else { throw reader.invalid("referral stage \"\(raw)\"") }
            return .referralState(stage, on: try reader.date())
        case 10: return .referralOf(client: try reader.string(), madeOn: try reader.date(), to: try reader.string())
        case let tag: throw reader.invalid("caseload fact tag \(tag)")
        }
    }
}
