import Events
import Foundation

/// Which recorded facts may be corrected or voided, and the checks a replacement must pass.
enum CorrectionRules {
    /// Facts no one may correct or void, and why.
    static let protectedTypes: [String: String] = [
        VotersParticipated.eventType: "would reveal or alter the secret ballot",
        BallotSealed.eventType: "would reveal or alter the secret ballot",
        BallotsRecorded.eventType: "would reveal or alter the secret ballot",
        BallotingClosed.eventType: "closing is final",
        ElectionTallied.eventType: "the tally follows from the ballots",
        VoterRollFixed.eventType: "the roll follows from the register on the record date",
        PasswordSet.eventType: "set a new password instead",
        ClientFileViewed.eventType: "the access log is evidence",
    ]

    /// The entry `id` names in `history`, if it may be corrected (or voided).
    static func target(_ id: UUID, in history: StreamHistory, voiding: Bool) throws(DomainError) -> StreamHistory.Entry {
        guard let entry = history.entries.first(where: { $0.eventId == id }) else {
            throw .notFound("originalEventId", "is not an event of stream \(history.streamId) (\(id))")
        }
        if entry.event is EventCorrected || entry.event is EventVoided {
            throw .validation("originalEventId", "is itself a correction; correct or void the original fact instead")
        }
        let voids = history.entries.compactMap { $0.event as? EventVoided }
        if voids.contains(where: { $0.originalEventId == id }) {
            throw .conflict("originalEventId", "was voided, and a voided event cannot be voided again or corrected")
        }
        if let why = protectedTypes[entry.event.eventType] {
            throw .conflict("originalEventId", "is a \(entry.event.eventType), which cannot be corrected or voided: it \(why)")
        }
        if voiding, entry.streamVersion == 0 {
            throw .conflict("originalEventId", "is the stream's first event (\(entry.event.eventType)), which cannot be voided: later facts depend on it")
        }
        return entry
    }

    /// The fact as it stands now: the latest correction's replacement, or the original.
    static func current(_ entry: StreamHistory.Entry, in history: StreamHistory) -> (any DomainEvent)? {
        let latest = history.entries.compactMap { $0.event as? EventCorrected }.last { $0.originalEventId == entry.eventId }
        guard let latest else { return entry.event }
        return try? latest.decodedReplacement()
    }

    /// Field rules of the replacement's type, as its command applies them.
    static func checkFields(
        _ replacement: any DomainEvent, original: any DomainEvent, history: StreamHistory, contract: ContractState?,
        context: DecisionContext
    ) throws(DomainError) {
        switch replacement {
        case let event as ClientRegistered:
            try IntakeRules.check(event, context: context)
            if (original as? ClientRegistered)?.personal == nil, event.personal != nil || event.consents.privacyStatement.granted {
                throw .conflict("replacement.personal", "cannot be added: the client is anonymous and can never be named")
            }
            if event.personal != nil, !event.consents.privacyStatement.granted {
                throw .validation("replacement.personal", "must be empty when the privacy statement is refused")
            }
        case let event as ServiceDelivered:
            let client = (try? history.effectiveEvents()).map(ClientState.folded) ?? ClientState()
            try ServiceRules.check(event, client: client, contract: contract, context: context)
        case let event as DuesPaid:
            guard event.amountCents > 0 else { throw .validation("replacement.amountCents", "must be positive") }
            guard event.termExpiresOn == event.termStartsOn.adding(months: event.termMonths) else {
                throw .validation("replacement.termExpiresOn", "must be termStartsOn plus termMonths")
            }
        default:
            return
        }
    }
}
