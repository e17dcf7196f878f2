import Events

/// The audit index: positions of every event per client, referral and actor, corrections
/// included, so the audit trail and the client file read the log directly. Rows:
/// `client/<id>`, `referral/<id>`, `actor/<id>`; each fact is its own entry keyed by position,
/// so an actor's row grows by one put per event and reads in log order.
///
/// Views of a client's file are filed under their actor only: they are the log's own
/// `access-<id>` stream, which the audit trail reads from the store's stream index. Filed in
/// the client's row too (version 2), they made the row that every view reads for the client's
/// referrals grow by one entry with every view, and cost each view a second put.
public enum RecordsProjection: FactProjection {
    /// What the index keeps: that an event touched the row, and which referral a client's is.
    public enum Fact: Codable, Sendable, Equatable {
        case event
        case referral(String)
    }

    public static let name = "records"
    public static let appliesCorrections = false
    public static let placesEveryEvent = true
    public static let payloadTypes: Set<String> = [ReferralMade.eventType]

    /// The row holding `actor`'s events.
    public static func actorRow(_ actor: String) -> RowKey { RowKey("actor", actor) }

    public static func placements(of event: ProjectionEvent) -> [(RowKey, Fact)] {
        var placements: [(RowKey, Fact)] = [(actorRow(event.actor), .event)]
        let stream = event.streamId
        if let made = event.payload(ReferralMade.self) {
            placements.append((RowKey("client", made.clientId.rawValue), .referral(made.referralId.rawValue)))
        } else if stream.hasPrefix("client-") {
            placements.append((RowKey("client", String(stream.dropFirst(7))), .event))
        } else if stream.hasPrefix("referral-") {
            placements.append((RowKey("referral", String(stream.dropFirst(9))), .event))
        }
        return placements
    }

    /// Writes a fact: 0 for an event, 1 and the id for a referral.
    public static func encode(_ fact: Fact, to writer: inout ByteWriter) {
        switch fact {
        case .event: writer.write(0)
        case .referral(let id):
            writer.write(1)
            writer.write(string: id)
        }
    }

    /// Reads a fact written by ``encode(_:to:)``.
    public static func decode(from reader: inout ByteReader) throws(ByteReaderError) -> Fact {
        switch try reader.byte("records fact tag") {
        case 0: return .event
        case 1: return .referral(try reader.string("referral id"))
        case let tag: throw reader.invalid("records fact tag \(tag)")
        }
    }
}
