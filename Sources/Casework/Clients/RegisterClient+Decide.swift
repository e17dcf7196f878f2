public import Events

/// Clients the duplicate check matched.
public struct DuplicateMatches: Sendable, Hashable {
    /// Clients with the same UCI.
    public var byUCI: [ClientID]
    /// Clients with the same names and date of birth.
    public var byNamesAndBirth: [ClientID]

    /// Matches found.
    public init(byUCI: [ClientID] = [], byNamesAndBirth: [ClientID] = []) {
        self.byUCI = byUCI
        self.byNamesAndBirth = byNamesAndBirth
    }

    /// Every matched client but `client`, sorted, once each.
    func all(excluding client: ClientID) -> [ClientID] {
        Set(byUCI + byNamesAndBirth).subtracting([client]).sorted()
    }
}

extension RegisterClient {
    var isAnonymous: Bool { !consents.privacyStatement.granted }

    public func gatherFacts(from reader: FactReader) async throws -> DuplicateMatches {
        guard !isAnonymous else { return DuplicateMatches() }
        var byUCI: [ClientID] = []
        if let uci { byUCI = try await reader.clients.clients(withUCI: uci) }
        let byNames = try await reader.clients.clients(givenNames: givenNames, familyName: familyName, bornOn: dateOfBirth)
        return DuplicateMatches(byUCI: byUCI, byNamesAndBirth: byNames)
    }

    public func decide(_ state: ClientState, facts: DuplicateMatches, context: DecisionContext) throws(DomainError)
        -> [any DomainEvent]
    {
        guard !state.exists else { throw .conflict("clientId", "is already registered (\(clientId))") }
        if isAnonymous { try checkNothingPersonal() }
        try IntakeRules.birthDate(dateOfBirth, field: "dateOfBirth", context: context)
        let matches = facts.all(excluding: clientId)
        let event = ClientRegistered(
            clientId: clientId, registeredOn: registeredOn, personal: isAnonymous ? nil : personalDetails,
            profile: profile,
            consents: consents,
            duplicateOverride: matches.isEmpty ? nil : duplicateOverrideReason.map {
                DuplicateOverride(reason: $0, matchedClientIds: matches)
            })
        try IntakeRules.check(event, context: context)
        if !matches.isEmpty, duplicateOverrideReason == nil { throw duplicateRefusal(facts) }
        return [event]
    }

    private var personalDetails: PersonalDetails {
        PersonalDetails(
            givenNames: givenNames, familyName: familyName, dateOfBirth: dateOfBirth, uci: uci, contact: contact,
            householdMembers: householdMembers)
    }

    private var profile: ClientProfile {
        ClientProfile(
            gender: gender, ageBand: AgeBand(years: dateOfBirth.age(on: registeredOn)),
            immigrationCategory: immigrationCategory, arrivalDate: arrivalDate,
            preferredOfficialLanguage: preferredOfficialLanguage, languagesSpoken: languagesSpoken,
            countryOfBirth: countryOfBirth, householdSize: householdMembers.count + 1)
    }

    /// An anonymous client's intake must not carry anything that identifies them.
    private func checkNothingPersonal() throws(DomainError) {
        let why = "must be empty: the client refused the privacy statement, so nothing identifying is kept"
        if !givenNames.trimmingWhitespace.isEmpty { throw .validation("givenNames", why) }
        if !familyName.trimmingWhitespace.isEmpty { throw .validation("familyName", why) }
        if uci != nil { throw .validation("uci", why) }
        if contact != ContactDetails() { throw .validation("contact", why) }
        let named = householdMembers.contains { !$0.givenNames.isEmpty || !$0.familyName.isEmpty || $0.dateOfBirth != nil }
        if named { throw .validation("householdMembers", why) }
    }

    private func duplicateRefusal(_ facts: DuplicateMatches) -> DomainError {
        let override = "; give duplicateOverrideReason to register anyway"
        if let match = facts.byUCI.first(where: { $0 != clientId }) {
            return .conflict("uci", "is already the UCI of client \(match)" + override)
        }
        let match = facts.all(excluding: clientId).first!
        return .conflict("givenNames", "familyName and dateOfBirth match client \(match)" + override)
    }
}

extension UpdateClientDetails {
    public func gatherFacts(from reader: FactReader) async throws -> DuplicateMatches {
        guard let uci = personal.uci else { return DuplicateMatches() }
        return DuplicateMatches(byUCI: try await reader.clients.clients(withUCI: uci))
    }

    public func decide(_ state: ClientState, facts: DuplicateMatches, context: DecisionContext) throws(DomainError)
        -> [any DomainEvent]
    {
        guard state.exists else { throw .notFound("clientId", "names no registered client (\(clientId))") }
        guard !state.isAnonymous else {
            throw .conflict("clientId", "is an anonymous client (privacy statement refused) and can never be named")
        }
        if let erasure = state.erasure {
            throw .conflict("clientId", "was erased on \(erasure.erasedOn); no personal data can be recorded for it again")
        }
        try IntakeRules.check(personal, context: context)
        if let match = facts.byUCI.first(where: { $0 != clientId }) {
            throw .conflict("uci", "is already the UCI of client \(match)")
        }
        guard personal != state.personal else { throw .conflict("personal", "is unchanged") }
        return [ClientDetailsUpdated(clientId: clientId, personal: personal)]
    }
}

extension RecordConsent {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError)
        -> [any DomainEvent]
    {
        guard state.exists else { throw .notFound("clientId", "names no registered client (\(clientId))") }
        if state.isAnonymous, granted {
            throw .conflict(
                "kind", "\(kind.rawValue) cannot be granted: the client is anonymous (privacy statement refused) and can never be named")
        }
        try Rules.notInFuture(recordedOn, field: "recordedOn", today: context.today)
        try Rules.notBefore(recordedOn, state.registration!.registeredOn, field: "recordedOn", what: "the intake date")
        guard state.consents[kind]?.granted != granted else {
            throw .conflict("granted", "\(kind.rawValue) is already \(granted ? "granted" : "refused")")
        }
        let decision = ConsentDecision(granted: granted, recordedOn: recordedOn, takenBy: actor.userId)
        return [ConsentRecorded(clientId: clientId, kind: kind, decision: decision)]
    }
}
