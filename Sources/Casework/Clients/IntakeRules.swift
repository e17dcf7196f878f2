import Events

/// Field rules of an intake, checked on the event so a correction of it is held to the same
/// rules as the original.
enum IntakeRules {
    /// Check `event` as a registration recorded today.
    static func check(_ event: ClientRegistered, context: DecisionContext) throws(DomainError) {
        try Rules.identifier(event.clientId, field: "clientId")
        try Rules.notInFuture(event.registeredOn, field: "registeredOn", today: context.today)
        if let personal = event.personal?.value { try check(personal, context: context) }
        try check(event.profile, birth: event.personal?.value?.dateOfBirth, context: context)
        try check(event.consents, registeredOn: event.registeredOn, context: context)
        if let override = event.duplicateOverride { try Rules.text(override.reason.text, field: "duplicateOverride") }
    }

    static func check(_ personal: PersonalDetails, context: DecisionContext) throws(DomainError) {
        try Rules.name(personal.givenNames, field: "givenNames")
        try Rules.name(personal.familyName, field: "familyName")
        try birthDate(personal.dateOfBirth, field: "dateOfBirth", context: context)
        if let uci = personal.uci { try self.uci(uci) }
        for (index, member) in personal.householdMembers.enumerated() {
            try Rules.name(member.givenNames, field: "householdMembers[\(index)].givenNames")
            try Rules.name(member.familyName, field: "householdMembers[\(index)].familyName")
            if let birth = member.dateOfBirth {
                try birthDate(birth, field: "householdMembers[\(index)].dateOfBirth", context: context)
            }
        }
    }

    static func birthDate(_ date: CalendarDate, field: String, context: DecisionContext) throws(DomainError) {
        try Rules.notInFuture(date, field: field, today: context.today)
        try Rules.notBefore(date, context.policy.birthDateMin, field: field, what: "the earliest accepted date of birth")
    }

    /// IRCC's Unique Client Identifier: 8 or 10 digits.
    static func uci(_ uci: String) throws(DomainError) {
        guard uci.count == 8 || uci.count == 10, uci.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .validation("uci", "must be 8 or 10 digits (got '\(uci)')")
        }
    }

    static func check(_ profile: ClientProfile, birth: CalendarDate?, context: DecisionContext) throws(DomainError) {
        if let arrival = profile.arrivalDate {
            try Rules.notInFuture(arrival, field: "arrivalDate", today: context.today)
            if let birth { try Rules.notBefore(arrival, birth, field: "arrivalDate", what: "the date of birth") }
        }
        guard !profile.languagesSpoken.isEmpty else { throw .validation("languagesSpoken", "is empty") }
        for (index, code) in profile.languagesSpoken.enumerated() {
            try Rules.languageCode(code, field: "languagesSpoken[\(index)]")
        }
        try Rules.noDuplicates(profile.languagesSpoken, field: "languagesSpoken")
        guard profile.countryOfBirth.count == 2, profile.countryOfBirth.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw .validation("countryOfBirth", "is '\(profile.countryOfBirth)', not an ISO 3166 code such as 'SY'")
        }
        guard profile.householdSize >= 1 else { throw .validation("householdSize", "must be at least 1") }
    }

    static func check(_ consents: IntakeConsents, registeredOn: CalendarDate, context: DecisionContext)
        throws(DomainError)
    {
        for kind in ConsentKind.allCases {
            try Rules.notInFuture(consents[kind].recordedOn, field: "consents.\(kind.rawValue).recordedOn", today: context.today)
            try Rules.identifier(consents[kind].takenBy, field: "consents.\(kind.rawValue).takenBy")
        }
        guard !consents.privacyStatement.granted else { return }
        for kind in [ConsentKind.shareWithFunder, .shareWithPartners] where consents[kind].granted {
            throw .validation(
                "consents.\(kind.rawValue)", "cannot be granted when the privacy statement is refused (the client is anonymous)")
        }
    }
}
