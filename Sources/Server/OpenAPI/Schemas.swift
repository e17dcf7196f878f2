import Events

/// The request bodies' schemas, beside the types that decode them (see `RequestBodies.swift`).
enum Schemas {
    static let date = JSONSchema.string(format: "date")
    static let text = JSONSchema.string()

    static let credentials = JSONSchema.object(properties: ["username": text, "password": text], required: ["username", "password"])

    static let intake = JSONSchema.object(
        properties: [
            "clientId": text, "registeredOn": date, "givenNames": text, "familyName": text, "dateOfBirth": date,
            "uci": .string(pattern: "^([0-9]{8}|[0-9]{10})$"),
            "contact": .object(properties: ["phone": text, "email": text, "address": text], required: []),
            "householdMembers": .array(
                .object(
                    properties: [
                        "givenNames": text, "familyName": text, "relationship": .oneOf(HouseholdRelationship.codes), "dateOfBirth": date,
                    ], required: ["givenNames", "familyName", "relationship"])),
            "gender": .oneOf(Gender.codes), "immigrationCategory": .oneOf(ImmigrationCategory.codes), "arrivalDate": date,
            "preferredOfficialLanguage": .oneOf(OfficialLanguage.codes), "languagesSpoken": .array(text),
            "countryOfBirth": .string(pattern: "^[A-Z]{2}$"),
            "consents": .object(
                properties: ["privacyStatement": .boolean, "shareWithFunder": .boolean, "shareWithPartners": .boolean],
                required: ["privacyStatement", "shareWithFunder", "shareWithPartners"]),
            "duplicateOverrideReason": text,
        ],
        required: [
            "givenNames", "familyName", "dateOfBirth", "gender", "immigrationCategory", "preferredOfficialLanguage",
            "countryOfBirth", "languagesSpoken", "consents",
        ])

    static let service = JSONSchema.object(
        properties: [
            "serviceId": text, "component": .oneOf(ServiceComponent.codes), "deliveredOn": date, "minutes": .integer(),
            "mode": .oneOf(ContactMode.codes), "language": text, "interpreterUsed": .boolean, "workerId": text, "contractId": text,
            "outcome": .oneOf(ServiceOutcome.codes), "note": text,
        ],
        required: ["component", "deliveredOn", "minutes", "mode", "language", "outcome"])

    static let followUp = JSONSchema.object(
        properties: ["followUpId": text, "dueOn": date, "purpose": text], required: ["dueOn", "purpose"])

    static let referral = JSONSchema.object(
        properties: [
            "referralId": text, "clientId": text, "madeOn": date,
            "target": .object(
                properties: ["kind": .oneOf(ReferralTargetKind.codes), "programName": text, "partnerId": text], required: ["kind"]),
            "needDomain": .oneOf(NeedDomain.codes), "note": text,
        ],
        required: ["clientId", "target", "needDomain"])

    static let referralStep = JSONSchema.object(properties: ["on": date, "note": text], required: [])
    static let referralStepWithReason = JSONSchema.object(properties: ["on": date, "reason": text], required: ["reason"])
}
