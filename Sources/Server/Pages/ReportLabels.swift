import Foundation

/// Plain-language names for report figures (`services.component.languageTraining` →
/// "Services: language training") and the part of the report each belongs to.
enum ReportLabels {
    /// The parts of a report, in the order a funder reads them, each with the prefixes of the
    /// figures it holds.
    static let sections: [(title: String, prefixes: [String])] = [
        ("Clients", ["clients.unique", "clients.new", "clients.returning", "clients.anonymous", "clients.minor", "clients.adult", "clients.francophone"]),
        ("Who the clients are", ["clients.gender.", "clients.ageBand.", "clients.immigrationCategory.", "clients.language."]),
        ("Services and minutes", ["services", "minutes", "services.minor", "services.adult", "services.anonymous", "services.component.", "minutes.component.", "services.mode.", "services.ageBand."]),
        ("Referrals", ["referrals", "referrals."]),
    ]

    /// Figures known by a name of their own.
    private static let named: [String: String] = [
        "clients.unique": "Unique clients served", "clients.new": "New in the fiscal year", "clients.returning": "Returning in the fiscal year",
        "clients.anonymous": "Anonymous clients (counted apart)", "clients.minor": "Clients under 18", "clients.adult": "Clients 18 and over",
        "clients.francophone": "Francophone clients", "services": "Services delivered", "minutes": "Minutes of service",
        "services.minor": "Services to clients under 18", "services.adult": "Services to clients 18 and over",
        "services.anonymous": "Services to anonymous clients", "referrals": "Referrals",
    ]

    /// What each family of figures is called before its code.
    private static let families: [(prefix: String, label: String)] = [
        ("clients.gender.", "Gender"), ("clients.ageBand.", "Age"), ("clients.immigrationCategory.", "Immigration category"),
        ("clients.language.", "Preferred official language"), ("services.component.", "Services"), ("minutes.component.", "Minutes"),
        ("services.mode.", "Services by how"), ("services.ageBand.", "Services by age"),
    ]

    /// Where `cell` is shown: its section (figures no section names go last, under "Other
    /// figures") and its rank there (the index of the prefix that holds it).
    static func place(_ cell: String) -> (section: Int, title: String, rank: Int) {
        for (section, part) in sections.enumerated() {
            if let rank = part.prefixes.firstIndex(where: { cell == $0 || ($0.hasSuffix(".") && cell.hasPrefix($0)) }) {
                return (section, part.title, rank)
            }
        }
        return (sections.count, "Other figures", 0)
    }

    static func label(_ cell: String) -> String {
        if let name = named[cell] { return name }
        if let family = families.first(where: { cell.hasPrefix($0.prefix) }) {
            let words = code(String(cell.dropFirst(family.prefix.count)))
            // Languages are proper names.
            return family.label + ": " + (family.prefix == "clients.language." ? words.capitalizedFirst : words)
        }
        let parts = cell.split(separator: ".").map(String.init)
        if parts.first == "referrals", parts.count > 1 {
            return "Referrals: " + parts.dropFirst().map(code).joined(separator: ", ")
        }
        let words = parts.map(Self.words)
        guard let first = words.first else { return cell }
        return words.count == 1 ? first.capitalizedFirst : first.capitalizedFirst + ": " + words.dropFirst().joined(separator: ", ")
    }

    /// A code in words: `age25to44` → "25 to 44", `age65plus` → "65 and over", `funderFunded`
    /// → "funder funded".
    static func code(_ code: String) -> String {
        if code.hasPrefix("age"), code.dropFirst(3).first?.isNumber == true {
            let band = code.dropFirst(3)
            if band.hasSuffix("plus") { return band.dropLast(4) + " and over" }
            return band.replacingOccurrences(of: "to", with: " to ")
        }
        return words(code)
    }

    /// `languageTraining` → "language training".
    static func words(_ camel: String) -> String {
        var text = ""
        for character in camel {
            if character.isUppercase, !text.isEmpty { text += " " }
            text += character.lowercased()
        }
        return text
    }
}
