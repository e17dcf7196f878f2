import Events

/// Names, languages and countries the generated clients are drawn from: weighted roughly like
/// the arrivals a BC settlement agency served in 2024–2026 (iCARE's own categories).
enum Vocabulary {
    /// Immigration category at intake, weighted.
    static let immigrationCategories: [(ImmigrationCategory, Int)] = [
        (.permanentResident, 42), (.refugeeGovernmentAssisted, 14), (.refugeePrivatelySponsored, 9),
        (.refugeeBlended, 3), (.temporaryResident, 22), (.citizen, 6), (.other, 4),
    ]

    /// Where clients come from: country code, first language, a family name pool, weight.
    struct Origin {
        let country: String
        let language: String
        let familyNames: [String]
        let givenNames: [String]
        let weight: Int
    }

    static let origins: [Origin] = [
        Origin(country: "SY", language: "ar", familyNames: ["Haddad", "Khalil", "Mansour", "Najjar"], givenNames: ["Amina", "Omar", "Rania", "Yusuf"], weight: 10),
        Origin(country: "AF", language: "fa", familyNames: ["Ahmadi", "Rahimi", "Karimi", "Noori"], givenNames: ["Farida", "Ahmad", "Zahra", "Hamid"], weight: 12),
        Origin(country: "UA", language: "uk", familyNames: ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko"], givenNames: ["Olena", "Andriy", "Iryna", "Taras"], weight: 14),
        Origin(country: "IN", language: "pa", familyNames: ["Singh", "Kaur", "Gill", "Sandhu"], givenNames: ["Harpreet", "Gurpreet", "Simran", "Arjun"], weight: 16),
        Origin(country: "PH", language: "tl", familyNames: ["Santos", "Reyes", "Cruz", "Bautista"], givenNames: ["Maria", "Jose", "Angelica", "Mark"], weight: 12),
        Origin(country: "CN", language: "zh", familyNames: ["Wang", "Li", "Zhang", "Liu"], givenNames: ["Wei", "Fang", "Min", "Jun"], weight: 9),
        Origin(country: "ER", language: "ti", familyNames: ["Tesfay", "Gebremedhin", "Haile", "Berhe"], givenNames: ["Senait", "Yonas", "Helen", "Dawit"], weight: 6),
        Origin(country: "CD", language: "fr", familyNames: ["Mukendi", "Kabila", "Ilunga", "Tshisekedi"], givenNames: ["Grace", "Patrick", "Esther", "Jean"], weight: 5),
        Origin(country: "MX", language: "es", familyNames: ["García", "Hernández", "López", "Martínez"], givenNames: ["Lucía", "Carlos", "Sofía", "Diego"], weight: 7),
        Origin(country: "IR", language: "fa", familyNames: ["Hosseini", "Moradi", "Rezaei", "Jafari"], givenNames: ["Maryam", "Reza", "Niloufar", "Ali"], weight: 9),
    ]

    static let streets = ["Main St", "Douglas St", "Fort St", "Quadra St", "Cook St", "Shelbourne St", "Gorge Rd"]

    /// Partner agencies: name, funding, Francophone, services offered.
    static let partners: [(String, PartnerFunding, Bool, [NeedDomain])] = [
        ("Island Housing Help", .funderFunded, false, [.housing, .financial]),
        ("WorkBC Centre South", .notFunded, false, [.employment, .education]),
        ("Community Language Hub", .funderFunded, false, [.language, .education]),
        ("Newcomer Health Clinic", .hybrid, false, [.health]),
        ("Legal Aid Outreach", .notFunded, false, [.legal]),
        ("Société francophone d'accueil", .funderFunded, true, [.language, .socialConnection, .employment]),
        ("Family Childcare Network", .hybrid, false, [.childcare]),
        ("Transit Access Program", .notFunded, false, [.transportation]),
        ("Youth Mentorship Collective", .hybrid, false, [.socialConnection, .education]),
        ("Centre d'emploi francophone", .hybrid, true, [.employment]),
    ]
}
