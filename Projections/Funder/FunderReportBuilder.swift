import Events

/// Adds services, clients and referrals into named cells, keeping the positions behind each.
struct FunderReportBuilder {
    /// Cell names per code, built once: a report adds to several cells per service, and
    /// formatting each name every time was a measurable share of a month's report.
    private enum Names {
        static let servicesByComponent = names(ServiceComponent.self, "services.component.")
        static let minutesByComponent = names(ServiceComponent.self, "minutes.component.")
        static let servicesByMode = names(ContactMode.self, "services.mode.")
        static let servicesByAgeBand = names(AgeBand.self, "services.ageBand.")
        static let clientsByAgeBand = names(AgeBand.self, "clients.ageBand.")

        static func names<Code: CodedValue>(_ type: Code.Type, _ prefix: String) -> [Code: String] {
            Dictionary(uniqueKeysWithValues: Code.allCases.map { ($0, prefix + $0.rawValue) })
        }
    }

    private var building: [String: ReportCell] = [:]

    /// The cells with their sources sorted and de-duplicated (done once: adding is hot).
    var cells: [String: ReportCell] {
        building.mapValues { cell in
            var cell = cell
            cell.sources.sort()
            var kept = 0
            for source in cell.sources where kept == 0 || cell.sources[kept - 1] != source {
                cell.sources[kept] = source
                kept += 1
            }
            cell.sources.removeLast(cell.sources.count - kept)
            return cell
        }
    }

    private mutating func add(_ name: String, _ amount: Int = 1, sources: [UInt64]) {
        building[name, default: ReportCell(name: name, value: 0, sources: [])].add(amount, sources: sources)
    }

    mutating func addService(_ row: ClientServiceRow, sources: [UInt64]) {
        add("services", sources: sources)
        add("minutes", row.minutes, sources: sources)
        add(Names.servicesByComponent[row.component]!, sources: sources)
        add(Names.minutesByComponent[row.component]!, row.minutes, sources: sources)
        add(Names.servicesByMode[row.mode]!, sources: sources)
        add(Names.servicesByAgeBand[row.ageBand]!, sources: sources)
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
        add(Names.clientsByAgeBand[row.ageBand]!, sources: sources)
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

extension ReportCell {
    /// Adds to the figure and its sources in place (one dictionary lookup per figure).
    fileprivate mutating func add(_ amount: Int, sources more: [UInt64]) {
        value += amount
        sources += more
    }
}
