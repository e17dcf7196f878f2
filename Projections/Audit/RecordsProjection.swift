import Events

/// The audit index: positions of every event per client and per actor, corrections and views
/// of client files included, so the audit trail and the client file read the log directly.
/// Rows: `client/<id>`, `referral/<id>`, and `actor/<id>|<bucket>` — an actor's positions
/// split into buckets of ``actorBucketPositions`` so a batch rewrites only the current bucket,
/// not a row that grows with the whole log.
public enum RecordsProjection: FactProjection {
    /// What the index keeps: that an event touched the row, and which referral a client's is.
    public enum Fact: Codable, Sendable, Equatable {
        case event
        case referral(String)
    }

    /// Referrals per client, so a client's file includes its referral streams; buckets per actor.
    public struct Derived: Sendable {
        /// Client id → referral ids.
        public var referralsByClient: [String: [String]] = [:]
        /// Actor → the buckets holding their events.
        public var bucketsByActor: [String: Set<UInt64>] = [:]
    }

    /// Log positions per actor bucket (2^16).
    public static let actorBucketPositions: UInt64 = 1 << 16

    /// The row holding `actor`'s events near `position`.
    public static func actorRow(_ actor: String, bucket: UInt64) -> RowKey { RowKey("actor", "\(actor)|\(bucket)") }

    public static let name = "records"
    public static let emptyDerived = Derived()
    public static let appliesCorrections = false
    public static let payloadTypes: Set<String> = [ReferralMade.eventType]

    public static func placements(of event: ProjectionEvent) -> [(RowKey, Fact)] {
        var placements: [(RowKey, Fact)] = [(actorRow(event.actor, bucket: event.position / actorBucketPositions), .event)]
        let stream = event.streamId
        if let made = event.event as? ReferralMade {
            placements.append((RowKey("client", made.clientId.rawValue), .referral(made.referralId.rawValue)))
        } else if stream.hasPrefix("client-") {
            placements.append((RowKey("client", String(stream.dropFirst(7))), .event))
        } else if stream.hasPrefix("access-") {
            placements.append((RowKey("client", String(stream.dropFirst(7))), .event))
        } else if stream.hasPrefix("referral-") {
            placements.append((RowKey("referral", String(stream.dropFirst(9))), .event))
        }
        return placements
    }

    public static func derive(_ key: RowKey, entries: [FactEntry<Fact>]?, into derived: inout Derived) {
        if key.table == "actor", let split = key.key.lastIndex(of: "|"), let bucket = UInt64(key.key[key.key.index(after: split)...]) {
            let actor = String(key.key[..<split])
            if entries == nil {
                derived.bucketsByActor[actor]?.remove(bucket)
            } else {
                derived.bucketsByActor[actor, default: []].insert(bucket)
            }
            return
        }
        guard key.table == "client" else { return }
        let referrals = (entries ?? []).compactMap { entry -> String? in
            if case .referral(let id) = entry.fact { return id }
            return nil
        }
        derived.referralsByClient[key.key] = referrals.isEmpty ? nil : referrals
    }
}
