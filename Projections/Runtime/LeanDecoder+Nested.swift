import Events

/// The lean decoder's nested payloads: a client's intake, needs assessments and referrals made,
/// which Foundation's decoder made half of a rebuild's decoding.
extension LeanDecoder {
    static func clientRegistered(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard fields.hasOnly(["clientId", "registeredOn", "personal", "profile", "consents", "duplicateOverride"]),
            let client = fields.string("clientId"), let registered = fields.date("registeredOn"),
            let profile = fields.object("profile").flatMap(clientProfile),
            let consents = fields.object("consents").flatMap(intakeConsents)
        else { return nil }
        var personal: Sealed<PersonalDetails>?
        switch fields["personal"] {
        case nil, .null?: personal = nil
        case .some:
            guard let stored = fields.sealed("personal", clear: personalDetails) else { return nil }
            personal = stored
        }
        var duplicateOverride: DuplicateOverride?
        switch fields["duplicateOverride"] {
        case nil, .null?: duplicateOverride = nil
        case .object(let object)?:
            guard object.hasOnly(["reason", "matchedClientIds"]), let reason = object.freeText("reason"),
                let matched = object.array("matchedClientIds").flatMap({ strings($0) })
            else { return nil }
            duplicateOverride = DuplicateOverride(reason: reason, matchedClientIds: matched.map { ClientID($0) })
        default: return nil
        }
        return ClientRegistered(
            clientId: ClientID(client), registeredOn: registered, storedPersonal: personal, profile: profile, consents: consents,
            duplicateOverride: duplicateOverride)
    }

    private static func clientProfile(_ fields: PayloadObject) -> ClientProfile? {
        guard
            fields.hasOnly([
                "gender", "ageBand", "immigrationCategory", "arrivalDate", "preferredOfficialLanguage", "languagesSpoken",
                "countryOfBirth", "householdSize",
            ]), let gender = fields.code("gender", as: Gender.self), let ageBand = fields.code("ageBand", as: AgeBand.self),
            let category = fields.code("immigrationCategory", as: ImmigrationCategory.self), let arrival = fields.optionalDate("arrivalDate"),
            let language = fields.code("preferredOfficialLanguage", as: OfficialLanguage.self),
            let spoken = fields.array("languagesSpoken").flatMap({ strings($0) }), let country = fields.string("countryOfBirth"),
            let household = fields.integer("householdSize")
        else { return nil }
        return ClientProfile(
            gender: gender, ageBand: ageBand, immigrationCategory: category, arrivalDate: arrival, preferredOfficialLanguage: language,
            languagesSpoken: spoken, countryOfBirth: country, householdSize: household)
    }

    private static func intakeConsents(_ fields: PayloadObject) -> IntakeConsents? {
        guard fields.count == 3, let privacy = fields.object("privacyStatement").flatMap(consent),
            let funder = fields.object("shareWithFunder").flatMap(consent), let partners = fields.object("shareWithPartners").flatMap(consent)
        else { return nil }
        return IntakeConsents(privacyStatement: privacy, shareWithFunder: funder, shareWithPartners: partners)
    }

    private static func consent(_ fields: PayloadObject) -> ConsentDecision? {
        guard fields.count == 3, let granted = fields.bool("granted"), let recorded = fields.date("recordedOn"),
            let takenBy = fields.string("takenBy")
        else { return nil }
        return ConsentDecision(granted: granted, recordedOn: recorded, takenBy: UserID(takenBy))
    }

    /// Personal details in clear (payloads written before sealing, or without a key ring).
    private static func personalDetails(_ value: PayloadValue) -> PersonalDetails? {
        guard case .object(let fields) = value,
            fields.hasOnly(["givenNames", "familyName", "dateOfBirth", "uci", "contact", "householdMembers"]),
            let given = fields.string("givenNames"), let family = fields.string("familyName"), let born = fields.date("dateOfBirth"),
            let uci = fields.optionalString("uci"), let contact = fields.object("contact"),
            contact.hasOnly(["phone", "email", "address"]), let phone = contact.optionalString("phone"),
            let email = contact.optionalString("email"), let address = contact.optionalString("address"),
            let members = fields.array("householdMembers")
        else { return nil }
        var household: [HouseholdMember] = []
        for member in members {
            guard case .object(let member) = member, member.hasOnly(["givenNames", "familyName", "relationship", "dateOfBirth"]),
                let given = member.string("givenNames"), let family = member.string("familyName"),
                let relationship = member.code("relationship", as: HouseholdRelationship.self), let born = member.optionalDate("dateOfBirth")
            else { return nil }
            household.append(HouseholdMember(givenNames: given, familyName: family, relationship: relationship, dateOfBirth: born))
        }
        return PersonalDetails(
            givenNames: given, familyName: family, dateOfBirth: born, uci: uci,
            contact: ContactDetails(phone: phone, email: email, address: address), householdMembers: household)
    }

    /// The client, day and needs of an assessment or reassessment (the two share a shape).
    static func needs(_ fields: PayloadObject) -> (ClientID, CalendarDate, [IdentifiedNeed])? {
        guard fields.count == 3, let client = fields.string("clientId"), let assessed = fields.date("assessedOn"),
            let items = fields.array("needs")
        else { return nil }
        var needs: [IdentifiedNeed] = []
        needs.reserveCapacity(items.count)
        for item in items {
            guard case .object(let need) = item, need.hasOnly(["domain", "priority", "note"]),
                let domain = need.code("domain", as: NeedDomain.self), let priority = need.code("priority", as: Priority.self),
                let note = need.optionalFreeText("note")
            else { return nil }
            needs.append(IdentifiedNeed(domain: domain, priority: priority, note: note))
        }
        return (ClientID(client), assessed, needs)
    }

    static func referralMade(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard fields.hasOnly(["referralId", "clientId", "madeOn", "target", "needDomain", "note"]),
            let referral = fields.string("referralId"), let client = fields.string("clientId"), let made = fields.date("madeOn"),
            let target = fields.object("target"), target.hasOnly(["kind", "programName", "partnerId"]),
            let kind = target.code("kind", as: ReferralTargetKind.self), let program = target.optionalString("programName"),
            let partner = target.optionalString("partnerId"), let domain = fields.code("needDomain", as: NeedDomain.self),
            let note = fields.optionalFreeText("note")
        else { return nil }
        return ReferralMade(
            referralId: ReferralID(referral), clientId: ClientID(client), madeOn: made,
            target: ReferralTarget(kind: kind, programName: program, partnerId: partner.map { PartnerID($0) }), needDomain: domain, note: note)
    }

    /// Every element as a plain string, or nil.
    private static func strings(_ items: [PayloadValue]) -> [String]? {
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for item in items {
            guard case .string(let text) = item else { return nil }
            strings.append(text)
        }
        return strings
    }
}
