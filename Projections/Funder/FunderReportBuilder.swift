import Events

/// Adds services, clients and referrals into named cells, keeping the positions behind each.
struct FunderReportBuilder {
    private var building: [String: ReportCell] = [:]

    /// The cells with their sources sorted and de-duplicated (done once: adding is hot).
    var cells: [String: ReportCell] {
        building.mapValues { cell in
            var cell = cell
            cell.sources = Array(Set(cell.sources)).sorted()
            return cell
        }
    }

    private mutating func add(_ name: String, _ amount: Int = 1, sources: [UInt64]) {
        building[name, default: ReportCell(name: name, value: 0, sources: [])].value += amount
        building[name]!.sources += sources
    }

    mutating func addService(_ row: ClientServiceRow, sources: [UInt64]) {
        add("services", sources: sources)
        add("minutes", row.minutes, sources: sources)
        add("services.component.\(row.component.rawValue)", sources: sources)
        add("minutes.component.\(row.component.rawValue)", row.minutes, sources: sources)
        add("services.mode.\(row.mode.rawValue)", sources: sources)
        add("services.ageBand.\(row.ageBand.rawValue)", sources: sources)
        if let minor = row.minor { add(minor ? "services.minor" : "services.adult", sources: sources) }
        if row.anonymous { add("services.anonymous", sources: sources) }
    }

    /// A client's first service in the period: counted once, with demographics as of that day.
    mutating func addClient(_ row: ClientServiceRow, sources: [UInt64]) {
        guard !row.anonymous else {
            add("clients.anonymous", sources: sources)
            return
        }
        add("clients.unique", sources: sources)
        add(row.newInFiscalYear ? "clients.new" : "clients.returning", sources: sources)
        if let gender = row.gender { add("clients.gender.\(gender.rawValue)", sources: sources) }
        add("clients.ageBand.\(row.ageBand.rawValue)", sources: sources)
        if let minor = row.minor { add(minor ? "clients.minor" : "clients.adult", sources: sources) }
        if let category = row.immigrationCategory { add("clients.immigrationCategory.\(category.rawValue)", sources: sources) }
        if let language = row.preferredOfficialLanguage { add("clients.language.\(language.rawValue)", sources: sources) }
        if row.francophone { add("clients.francophone", sources: sources) }
    }

    /// A later service of a client already counted: its positions back the client's cells too.
    mutating func addRepeatVisit(_ row: ClientServiceRow, sources: [UInt64]) {
        let name = row.anonymous ? "clients.anonymous" : "clients.unique"
        add(name, 0, sources: sources)
    }

    mutating func addReferral(partnerType: String, stage: ReferralStage, sources: [UInt64]) {
        add("referrals", sources: sources)
        add("referrals.\(partnerType)", sources: sources)
        add("referrals.\(partnerType).\(stage.rawValue)", sources: sources)
    }
}
