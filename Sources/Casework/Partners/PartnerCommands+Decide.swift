public import Events

enum PartnerRules {
    static func check(name: String, servicesOffered: [NeedDomain]) throws(DomainError) {
        try Rules.name(name, field: "name")
        guard !servicesOffered.isEmpty else { throw .validation("servicesOffered", "is empty") }
        try Rules.noDuplicates(servicesOffered.map(\.rawValue), field: "servicesOffered")
    }

    static func check(startsOn: CalendarDate, endsOn: CalendarDate, components: [ServiceComponent], targets: [ContractTarget])
        throws(DomainError)
    {
        guard startsOn <= endsOn else { throw .validation("endsOn", "is before the start (\(endsOn) < \(startsOn))") }
        guard !components.isEmpty else { throw .validation("fundedComponents", "is empty") }
        try Rules.noDuplicates(components.map(\.rawValue), field: "fundedComponents")
        for (index, target) in targets.enumerated() {
            guard target.value > 0 else { throw .validation("targets[\(index)].value", "must be positive (got \(target.value))") }
            if let component = target.component, !components.contains(component) {
                throw .validation("targets[\(index)].component", "is \(component.rawValue), which the contract does not fund")
            }
        }
    }
}

extension RegisterPartner {
    public func decide(_ state: PartnerState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        guard !state.exists else { throw .conflict("partnerId", "is already registered (\(partnerId))") }
        try Rules.identifier(partnerId, field: "partnerId")
        try PartnerRules.check(name: name, servicesOffered: servicesOffered)
        return [
            PartnerRegistered(
                partnerId: partnerId, name: name, funding: funding, francophone: francophone, servicesOffered: servicesOffered)
        ]
    }
}

extension UpdatePartner {
    public func decide(_ state: PartnerState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        guard state.exists else { throw .notFound("partnerId", "names no partner (\(partnerId))") }
        try PartnerRules.check(name: name, servicesOffered: servicesOffered)
        let event = PartnerUpdated(
            partnerId: partnerId, name: name, funding: funding, francophone: francophone, servicesOffered: servicesOffered)
        guard event != state.current else { throw .conflict("partnerId", "nothing changed") }
        return [event]
    }
}

extension SignContract {
    public func decide(_ state: ContractState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        guard !state.exists else { throw .conflict("contractId", "is already signed (\(contractId))") }
        try Rules.identifier(contractId, field: "contractId")
        try Rules.name(funder, field: "funder")
        try Rules.name(program, field: "program")
        try Rules.name(agreementNumber, field: "agreementNumber")
        try PartnerRules.check(startsOn: startsOn, endsOn: endsOn, components: fundedComponents, targets: targets)
        return [
            FunderContractSigned(
                contractId: contractId, funder: funder, program: program, agreementNumber: agreementNumber,
                startsOn: startsOn, endsOn: endsOn, fundedComponents: fundedComponents, targets: targets)
        ]
    }
}

extension AmendContract {
    public func decide(_ state: ContractState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        guard let signed = state.signed else { throw .notFound("contractId", "names no contract (\(contractId))") }
        try PartnerRules.check(startsOn: signed.startsOn, endsOn: endsOn, components: fundedComponents, targets: targets)
        try Rules.text(reason, field: "reason")
        return [
            FunderContractAmended(
                contractId: contractId, endsOn: endsOn, fundedComponents: fundedComponents, targets: targets, reason: reason)
        ]
    }
}
