import Events

extension ElectionsProjection {
    /// Writes a fact: a tag byte, then its fields.
    public static func encode(_ fact: Fact, to writer: inout ByteWriter) {
        switch fact {
        case .called(let title, let meetingOn, let recordDate):
            writer.write(0)
            writer.write(string: title)
            writer.write(date: meetingOn)
            writer.write(date: recordDate)
        case .position(let id, let title, let seats):
            writer.write(1)
            writer.write(string: id)
            writer.write(string: title)
            writer.write(int: seats)
        case .candidate(let id, let positionId, let displayName):
            writer.write(2)
            writer.write(string: id)
            writer.write(string: positionId)
            writer.write(string: displayName)
        case .rollFixed(let voters):
            writer.write(3)
            writer.write(int: voters)
        case .opened: writer.write(4)
        case .participated(let voters):
            writer.write(5)
            writer.write(int: voters)
        case .ballotsRecorded(let count):
            writer.write(6)
            writer.write(int: count)
        case .closed: writer.write(7)
        case .tallied(let ballotsCounted, let votersOnRoll, let results):
            writer.write(8)
            writer.write(int: ballotsCounted)
            writer.write(int: votersOnRoll)
            writer.write(list: results) { writer, result in encode(result, to: &writer) }
        }
    }

    private static func encode(_ result: PositionResult, to writer: inout ByteWriter) {
        writer.write(string: result.positionId.rawValue)
        writer.write(int: result.seats)
        writer.write(list: result.counts) { writer, count in
            writer.write(string: count.candidateId.rawValue)
            writer.write(int: count.votes)
        }
        writer.write(list: result.elected) { $0.write(string: $1.rawValue) }
        writer.write(list: result.tiedForLastSeat) { $0.write(string: $1.rawValue) }
    }

    /// Reads a fact written by ``encode(_:to:)``.
    public static func decode(from reader: inout ByteReader) throws(ByteReaderError) -> Fact {
        switch try reader.byte("elections fact tag") {
        case 0: return .called(title: try reader.string(), meetingOn: try reader.date(), recordDate: try reader.date())
        case 1: return .position(id: try reader.string(), title: try reader.string(), seats: try reader.int())
        case 2: return .candidate(id: try reader.string(), positionId: try reader.string(), displayName: try reader.string())
        case 3: return .rollFixed(voters: try reader.int())
        case 4: return .opened
        case 5: return .participated(voters: try reader.int())
        case 6: return .ballotsRecorded(count: try reader.int())
        case 7: return .closed
        case 8:
            return .tallied(ballotsCounted: try reader.int(), votersOnRoll: try reader.int(), results: try reader.list("results", decodeResult))
        case let tag: throw reader.invalid("elections fact tag \(tag)")
        }
    }

    private static func decodeResult(_ reader: inout ByteReader) throws(ByteReaderError) -> PositionResult {
        let positionId = PositionID(try reader.string("position id"))
        let seats = try reader.int("seats")
        let counts = try reader.list("counts") { (reader: inout ByteReader) throws(ByteReaderError) in
            CandidateCount(candidateId: CandidateID(try reader.string("candidate id")), votes: try reader.int("votes"))
        }
        let elected = try reader.list("elected") { (reader: inout ByteReader) throws(ByteReaderError) in CandidateID(try reader.string()) }
        let tied = try reader.list("tied") { (reader: inout ByteReader) throws(ByteReaderError) in CandidateID(try reader.string()) }
        return PositionResult(positionId: positionId, seats: seats, counts: counts, elected: elected, tiedForLastSeat: tied)
    }
}
