public import Events

extension CorrectEvent {
    public func gatherFacts(from reader: FactReader) async throws -> ContractState? {
        try ServiceRules.contract(for: (replacement as? ServiceDelivered)?.contractId, reader: reader)
    }

    public func decide(_ state: StreamHistory, facts: ContractState?, context: DecisionContext) throws(DomainError)
        -> [any DomainEvent]
    {
        let entry = try CorrectionRules.target(originalEventId, in: state, voiding: false)
        guard replacement.eventType == entry.event.eventType else {
            throw .validation("replacement", "is a \(replacement.eventType), but the original is a \(entry.event.eventType)")
        }
        guard replacement.streamId == stream else {
            throw .validation(
                "replacement", "belongs in \(replacement.streamId), not \(stream): a correction cannot move a fact; void it and record it anew")
        }
        if let current = CorrectionRules.current(entry, in: state), replacement.isEqual(to: current) {
            throw .conflict("replacement", "is identical to the fact as it stands")
        }
        try CorrectionRules.checkFields(replacement, original: entry.event, history: state, contract: facts, context: context)
        try Rules.text(reason.text, field: "reason")
        guard let payload = try? EventCoding.jsonValue(of: replacement) else {
            throw .validation("replacement", "could not be encoded")
        }
        return [
            EventCorrected(
                stream: stream, originalEventId: originalEventId, originalEventType: entry.event.eventType, reason: reason,
                replacementSchemaVersion: replacement.schemaVersion, replacement: payload)
        ]
    }
}

extension VoidEvent {
    public func decide(_ state: StreamHistory, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        let entry = try CorrectionRules.target(originalEventId, in: state, voiding: true)
        try Rules.text(reason.text, field: "reason")
        return [
            EventVoided(stream: stream, originalEventId: originalEventId, originalEventType: entry.event.eventType, reason: reason)
        ]
    }
}
