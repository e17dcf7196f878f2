import Events

/// Adds services, clients and referrals into named cells, keeping the positions behind each.
struct FunderReportBuilder {
    /// Every cell a service or a client can add to, numbered once: adding is then an array
    /// index, where hashing the cell's name (eight names a service, up to ten a client) was a
    /// quarter of a month's report.
    private struct Layout {
        private(set) var names: [String] = []
        let services: Int, minutes: Int, servicesMinor: Int, servicesAdult: Int, servicesAnonymous: Int
        let clientsAnonymous: Int, clientsUnique: Int, clientsNew: Int, clientsReturning: Int
        let clientsMinor: Int, clientsAdult: Int, clientsFrancophone: Int
        let servicesByComponent: [ServiceComponent: Int], minutesByComponent: [ServiceComponent: Int]
        let servicesByMode: [ContactMode: Int], servicesByAgeBand: [AgeBand: Int], clientsByAgeBand: [AgeBand: Int]
        let clientsByGender: [Gender: Int], clientsByCategory: [ImmigrationCategory: Int], clientsByLanguage: [OfficialLanguage: Int]

        init() {
            var names: [String] = []
            func slot(_ name: String) -> Int {
                names.append(name)
                return names.count - 1
            }
            func slots<Code: CodedValue>(_ type: Code.Type, _ prefix: String) -> [Code: Int] {
                Dictionary(uniqueKeysWithValues: Code.allCases.map { ($0, slot(prefix + $0.rawValue)) })
            }
            services = slot("services")
            minutes = slot("minutes")
            servicesMinor = slot("services.minor")
            servicesAdult = slot("services.adult")
            servicesAnonymous = slot("services.anonymous")
            clientsAnonymous = slot("clients.anonymous")
            clientsUnique = slot("clients.unique")
            clientsNew = slot("clients.new")
            clientsReturning = slot("clients.returning")
            clientsMinor = slot("clients.minor")
            clientsAdult = slot("clients.adult")
            clientsFrancophone = slot("clients.francophone")
            servicesByComponent = slots(ServiceComponent.self, "services.component.")
            minutesByComponent = slots(ServiceComponent.self, "minutes.component.")
            servicesByMode = slots(ContactMode.self, "services.mode.")
            servicesByAgeBand = slots(AgeBand.self, "services.ageBand.")
            clientsByAgeBand = slots(AgeBand.self, "clients.ageBand.")
            clientsByGender = slots(Gender.self, "clients.gender.")
            clientsByCategory = slots(ImmigrationCategory.self, "clients.immigrationCategory.")
            clientsByLanguage = slots(OfficialLanguage.self, "clients.language.")
            self.names = names
        }
    }

    private static let layout = Layout()

    /// Figure and sources per numbered cell; nil until something adds to it (only cells added
    /// to appear in the report, as before numbering).
    private var slots: [(value: Int, sources: [UInt64])?] = Array(repeating: nil, count: FunderReportBuilder.layout.names.count)
    /// Referral cells, named by partner type and stage (few per report).
    private var referrals: [String: ReportCell] = [:]

    /// The cells with their sources sorted and de-duplicated (done once: adding is hot).
    var cells: [String: ReportCell] {
        var cells = referrals.mapValues(Self.tidied)
        for (index, slot) in slots.enumerated() {
            guard let slot else { continue }
            let name = Self.layout.names[index]
            cells[name] = Self.tidied(ReportCell(name: name, value: slot.value, sources: slot.sources))
        }
        return cells
    }

    private static func tidied(_ cell: ReportCell) -> ReportCell {
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

    private mutating func add(_ slot: Int, _ amount: Int = 1, sources: [UInt64]) {
        if slots[slot] == nil { slots[slot] = (0, []) }
        slots[slot]!.value += amount
        slots[slot]!.sources += sources
    }

    mutating func addService(_ row: ClientServiceRow, sources: [UInt64]) {
        let layout = Self.layout
        add(layout.services, sources: sources)
        add(layout.minutes, row.minutes, sources: sources)
        add(layout.servicesByComponent[row.component]!, sources: sources)
        add(layout.minutesByComponent[row.component]!, row.minutes, sources: sources)
        add(layout.servicesByMode[row.mode]!, sources: sources)
        add(layout.servicesByAgeBand[row.ageBand]!, sources: sources)
        if let minor = row.minor { add(minor ? layout.servicesMinor : layout.servicesAdult, sources: sources) }
        if row.anonymous { add(layout.servicesAnonymous, sources: sources) }
    }

    /// A client's first service in the period: counted once, with demographics as of that day.
    mutating func addClient(_ row: ClientServiceRow, sources: [UInt64]) {
        let layout = Self.layout
        guard !row.anonymous else {
            add(layout.clientsAnonymous, sources: sources)
            return
        }
        add(layout.clientsUnique, sources: sources)
        add(row.newInFiscalYear ? layout.clientsNew : layout.clientsReturning, sources: sources)
        if let gender = row.gender { add(layout.clientsByGender[gender]!, sources: sources) }
        add(layout.clientsByAgeBand[row.ageBand]!, sources: sources)
        if let minor = row.minor { add(minor ? layout.clientsMinor : layout.clientsAdult, sources: sources) }
        if let category = row.immigrationCategory { add(layout.clientsByCategory[category]!, sources: sources) }
        if let language = row.preferredOfficialLanguage { add(layout.clientsByLanguage[language]!, sources: sources) }
        if row.francophone { add(layout.clientsFrancophone, sources: sources) }
    }

    /// A later service of a client already counted: its positions back the client's cells too.
    mutating func addRepeatVisit(_ row: ClientServiceRow, sources: [UInt64]) {
        add(row.anonymous ? Self.layout.clientsAnonymous : Self.layout.clientsUnique, 0, sources: sources)
    }

    mutating func addReferral(partnerType: String, stage: ReferralStage, sources: [UInt64]) {
        for name in ["referrals", "referrals.\(partnerType)", "referrals.\(partnerType).\(stage.rawValue)"] {
            referrals[name, default: ReportCell(name: name, value: 0, sources: [])].add(1, sources: sources)
        }
    }
}

extension ReportCell {
    /// Adds to the figure and its sources in place (one dictionary lookup per figure).
    fileprivate mutating func add(_ amount: Int, sources more: [UInt64]) {
        value += amount
        sources += more
    }
}
