public import Events

/// Rules of a delivered service, checked on the event so a correction is held to them too.
enum ServiceRules {
    /// Shortest service worth recording.
    static let minutesMin = 1
    /// Longest: one day.
    static let minutesMax = 1_440

    static func check(_ event: ServiceDelivered, client: ClientState, contract: ContractState?, context: DecisionContext)
        throws(DomainError)
    {
        let intake = try client.requireRegistered(event.clientId)
        try Rules.identifier(event.serviceId, field: "serviceId")
        try Rules.notInFuture(event.deliveredOn, field: "deliveredOn", today: context.today)
        try Rules.notBefore(event.deliveredOn, intake, field: "deliveredOn", what: "the client's intake")
        guard (minutesMin...minutesMax).contains(event.minutes) else {
            throw .validation("minutes", "is \(event.minutes), outside \(minutesMin)...\(minutesMax)")
        }
        try Rules.languageCode(event.language, field: "language")
        try Rules.identifier(event.workerId, field: "workerId")
        if let note = event.note { try Rules.text(note.text, field: "note") }
        if let contractId = event.contractId { try checkContract(contractId, contract, event) }
    }

    private static func checkContract(_ id: ContractID, _ contract: ContractState?, _ event: ServiceDelivered) throws(DomainError) {
        guard let contract, let signed = contract.signed, let endsOn = contract.endsOn else {
            throw .notFound("contractId", "names no funder contract (\(id))")
        }
        guard contract.fundedComponents.contains(event.component) else {
            let funded = contract.fundedComponents.map(\.rawValue).sorted().joined(separator: ", ")
            throw .validation("component", "\(event.component.rawValue) is not funded by contract \(id) (it funds \(funded))")
        }
        guard contract.covers(event.deliveredOn) else {
            throw .validation(
                "deliveredOn", "\(event.deliveredOn) is outside contract \(id)'s period \(signed.startsOn) to \(endsOn)")
        }
    }

    static func contract(for id: ContractID?, reader: FactReader) throws -> ContractState? {
        guard let id else { return nil }
        return try reader.state(ContractState.self, of: StreamID.contract(id))
    }
}

extension RecordService {
    public func gatherFacts(from reader: FactReader) async throws -> ContractState? {
        try ServiceRules.contract(for: contractId, reader: reader)
    }

    public func decide(_ state: ClientState, facts: ContractState?, context: DecisionContext) throws(DomainError)
        -> [any DomainEvent]
    {
        let event = ServiceDelivered(
            clientId: clientId, serviceId: serviceId, component: component, deliveredOn: deliveredOn, minutes: minutes,
            mode: mode, language: language, interpreterUsed: interpreterUsed, workerId: workerId, contractId: contractId,
            outcome: outcome, note: note)
        try ServiceRules.check(event, client: state, contract: facts, context: context)
        guard !state.serviceIds.contains(serviceId) else { throw .conflict("serviceId", "is already recorded (\(serviceId))") }
        return [event]
    }
}
