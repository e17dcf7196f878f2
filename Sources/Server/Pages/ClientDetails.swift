import Events

/// What the file page says about the client before their timeline: who they are, how to reach
/// them, what they agreed to share, whose caseload they are on, and what is due. Personal fields
/// appear only when the server holds the keys to open them (an anonymous or erased client has
/// none); the profile a funder report counts is always there.
enum ClientDetails {
    /// Label and value rows, in the order an intake form asks for them.
    static func rows(_ client: ClientView, today: CalendarDate, names: ActorNames) throws -> [[String: String]] {
        var rows: [(String, String?)] = []
        if let personal = client.personal {
            rows += [
                ("Date of birth", "\(personal.dateOfBirth) (\(personal.dateOfBirth.age(on: today)) years old)"),
                ("UCI", personal.uci), ("Phone", personal.contact.phone), ("Email", personal.contact.email), ("Address", personal.contact.address),
            ]
        }
        let profile = client.profile
        rows += [
            ("Gender", Plain.words(profile.gender.rawValue)), ("Immigration category", Plain.words(profile.immigrationCategory.rawValue)),
            ("Arrived in Canada", profile.arrivalDate?.description), ("Country of birth", profile.countryOfBirth),
            ("Languages spoken", profile.languagesSpoken.isEmpty ? nil : profile.languagesSpoken.joined(separator: ", ")),
            ("Preferred official language", Plain.words(profile.preferredOfficialLanguage.rawValue).capitalizedFirst),
            ("Household", profile.householdSize == 1 ? "1 person" : "\(profile.householdSize) people"),
            ("Shares with the funder", consent(client, .shareWithFunder)), ("Shares with partner agencies", consent(client, .shareWithPartners)),
            ("Case worker", try client.caseWorker.map { try names.name($0.rawValue) }),
            ("Services so far", String(client.serviceCount)),
        ]
        return rows.compactMap { label, value in value.flatMap { $0.isEmpty ? nil : ["label": label, "value": $0] } }
    }

    /// The follow-ups still open, soonest first, each flagged when overdue.
    static func followUps(_ client: ClientView, today: CalendarDate) -> [[String: Any]] {
        client.openFollowUps.map { followUp in
            ["dueOn": followUp.dueOn.description, "purpose": followUp.purpose.text, "overdue": followUp.dueOn < today]
        }
    }

    private static func consent(_ client: ClientView, _ kind: ConsentKind) -> String {
        guard let decision = client.consents[kind.rawValue] else { return "not asked" }
        return "\(decision.granted ? "yes" : "no") (recorded \(decision.recordedOn))"
    }
}
