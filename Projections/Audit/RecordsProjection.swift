public import Events

/// The audit index: positions of every event per client and per actor, corrections and views
/// of client files included, so the audit trail and the client file read the log directly.
/// Rows: `client/<id>`, `referral/<id>`, `actor/<id>`.
public enum RecordsProjection: FactProjection {
    /// What the index keeps: that an event touched the row, and which referral a client's is.
    public enum Fact: Codable, Sendable, Equatable {
        case event
        case referral(String)
    }

    /// Referrals per client, so a client's file includes its referral streams.
    public struct Derived: Sendable {
        /// Client id → referral ids.
        public var referralsByClient: [String: [String]] = [:]
    }

    public static let name = "records"
    public static let emptyDerived = Derived()
    public static let appliesCorrections = false
    public static let payloadTypes: Set<String> = [ReferralMade.eventType]

    public static func placements(of event: ProjectionEvent) -> [(RowKey, Fact)] {
        var placements: [(RowKey, Fact)] = [(RowKey("actor", event.actor), .event)]
        let stream = event.streamId
        if let made = event.event as? ReferralMade {
            placements.append((RowKey("client", made.clientId.rawValue), .referral(made.referralId.rawValue)))
        } else if stream.hasPrefix("client-") {
            placements.append((RowKey("client", String(stream.dropFirst(7))), .event))
        } else if stream.hasPrefix("referral-") {
            placements.append((RowKey("referral", String(stream.dropFirst(9))), .event))
        }
        return placements
    }

    public static func derive(_ key: RowKey, entries: [FactEntry<Fact>]?, into derived: inout Derived) {
        guard key.table == "client" else { return }
        let referrals = (entries ?? []).compactMap { entry -> String? in
            if case .referral(let id) = entry.fact { return id }
            return nil
        }
        derived.referralsByClient[key.key] = referrals.isEmpty ? nil : referrals
    }
}
