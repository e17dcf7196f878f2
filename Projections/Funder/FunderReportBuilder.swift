import Events

/// Adds services, clients and referrals into named cells, keeping the positions behind each.
struct FunderReportBuilder {
    /// Every cell a service or a client can add to, numbered once: adding is then an array
    /// index, where hashing the cell's name (eight names a service, up to ten a client) was a
    /// quarter of a month's report.
    struct Layout {
        private(set) var names: [String] = []
        /// Slot by figure name (stored day totals name their figures).
        let slotsByName: [String: Int]
        /// For each slot, the slot whose presence makes it present: a minutes figure appears
        /// with its services figure even at zero minutes (day totals leave zeros out).
        let presentWith: [Int]
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
            slotsByName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            var presentWith = Array(names.indices)
            presentWith[minutes] = services
            for component in ServiceComponent.allCases { presentWith[minutesByComponent[component]!] = servicesByComponent[component]! }
            self.presentWith = presentWith
        }
    }

    static let layout = Layout()

    /// Figure and sources per numbered cell; nil until something adds to it (only cells added
    /// to appear in the report, as before numbering).
    private var slots: [(value: Int, sources: [UInt64])?] = Array(repeating: nil, count: FunderReportBuilder.layout.names.count)
    /// Referral cells, named by partner type and stage (few per report).
    private var referrals: [String: (value: Int, sources: [UInt64])] = [:]

    /// The report's figures by name.
    var cells: [String: ReportCell] {
        figures.mapValues { ReportCell(name: $0.name, value: $0.value) }
    }

    /// Every figure's positions, sorted and de-duplicated (done once: adding is hot).
    var sources: [String: [UInt64]] {
        figures.mapValues { Self.tidied($0.sources) }
    }

    private var figures: [String: (name: String, value: Int, sources: [UInt64])] {
        var figures = Dictionary(uniqueKeysWithValues: referrals.map { ($0.key, (name: $0.key, value: $0.value.value, sources: $0.value.sources)) })
        let layout = Self.layout
        for (index, slot) in slots.enumerated() {
            let slot = slot ?? (slots[layout.presentWith[index]] == nil ? nil : (0, []))
            guard let slot else { continue }
            figures[layout.names[index]] = (layout.names[index], slot.value, slot.sources)
        }
        return figures
    }

    private static func tidied(_ sources: [UInt64]) -> [UInt64] {
        var sources = sources
        sources.sort()
        var kept = 0
        for source in sources where kept == 0 || sources[kept - 1] != source {
            sources[kept] = source
            kept += 1
        }
        sources.removeLast(sources.count - kept)
        return sources
    }

    private mutating func add(_ slot: Int, _ amount: Int = 1, sources: [UInt64]) {
        if slots[slot] == nil { slots[slot] = (0, []) }
        slots[slot]!.value += amount
        slots[slot]!.sources += sources
    }

    mutating func addService(_ figures: ServiceFigures, sources: [UInt64]) {
        figures.forEach { slot, amount in add(slot, amount, sources: sources) }
    }

    /// Adds a day's stored service figures (no sources: those are read on demand).
    mutating func addTotals(_ totals: [String: Int]) throws {
        for (name, amount) in totals {
            guard let slot = Self.layout.slotsByName[name] else {
                throw ProjectionError.corruptRow(projection: FunderProjection.name, detail: "a day's totals name a figure \(name) this build does not keep")
            }
            add(slot, amount, sources: [])
        }
    }

    /// A client's first service in the period: counted once, with demographics as of that day.
    mutating func addClient(_ client: ClientFigures, sources: [UInt64]) {
        client.forEach { slot in add(slot, sources: sources) }
    }

    /// A later service of a client already counted: its positions back the client's cells too.
    mutating func addRepeatVisit(anonymous: Bool, sources: [UInt64]) {
        add(anonymous ? Self.layout.clientsAnonymous : Self.layout.clientsUnique, 0, sources: sources)
    }

    mutating func addReferral(partnerType: String, stage: ReferralStage, sources: [UInt64]) {
        for name in Self.referralNames(partnerType: partnerType, stage: stage) {
            referrals[name, default: (0, [])].value += 1
            referrals[name]!.sources += sources
        }
    }
}

extension FunderReportBuilder {
    /// The three referral figures a referral adds to (named once per partner type and stage:
    /// building the names was a tenth of a month's report).
    private static let referralNamesByKind: [String: [String]] = {
        let partnerTypes = PartnerFunding.allCases.map(\.rawValue) + ["internal", "unknownPartner"]
        var names: [String: [String]] = [:]
        for partnerType in partnerTypes {
            for stage in ReferralStage.allCases {
                names[partnerType + "|" + stage.rawValue] = ["referrals", "referrals.\(partnerType)", "referrals.\(partnerType).\(stage.rawValue)"]
            }
        }
        return names
    }()

    static func referralNames(partnerType: String, stage: ReferralStage) -> [String] {
        referralNamesByKind[partnerType + "|" + stage.rawValue]
            ?? ["referrals", "referrals.\(partnerType)", "referrals.\(partnerType).\(stage.rawValue)"]
    }
}

/// What one service's figures depend on.
struct ServiceFigures {
    let minutes: Int
    let component: ServiceComponent
    let mode: ContactMode
    let ageBand: AgeBand
    let minor: Bool?
    let anonymous: Bool

    /// Calls `body` with each figure the service adds to and by how much.
    func forEach(_ body: (_ slot: Int, _ amount: Int) -> Void) {
        let layout = FunderReportBuilder.layout
        body(layout.services, 1)
        body(layout.minutes, minutes)
        body(layout.servicesByComponent[component]!, 1)
        body(layout.minutesByComponent[component]!, minutes)
        body(layout.servicesByMode[mode]!, 1)
        body(layout.servicesByAgeBand[ageBand]!, 1)
        if let minor { body(minor ? layout.servicesMinor : layout.servicesAdult, 1) }
        if anonymous { body(layout.servicesAnonymous, 1) }
    }
}

/// What a client's figures depend on, as of their first service in the period.
struct ClientFigures {
    let anonymous: Bool
    let newInFiscalYear: Bool
    let gender: Gender?
    let ageBand: AgeBand
    let minor: Bool?
    let immigrationCategory: ImmigrationCategory?
    let preferredOfficialLanguage: OfficialLanguage?
    let francophone: Bool

    /// Calls `body` with each figure the client adds one to.
    func forEach(_ body: (_ slot: Int) -> Void) {
        let layout = FunderReportBuilder.layout
        guard !anonymous else {
            body(layout.clientsAnonymous)
            return
        }
        body(layout.clientsUnique)
        body(newInFiscalYear ? layout.clientsNew : layout.clientsReturning)
        if let gender { body(layout.clientsByGender[gender]!) }
        body(layout.clientsByAgeBand[ageBand]!)
        if let minor { body(minor ? layout.clientsMinor : layout.clientsAdult) }
        if let immigrationCategory { body(layout.clientsByCategory[immigrationCategory]!) }
        if let preferredOfficialLanguage { body(layout.clientsByLanguage[preferredOfficialLanguage]!) }
        if francophone { body(layout.clientsFrancophone) }
    }

    init(client: ClientFacts?, on date: CalendarDate, newInFiscalYear: Bool) {
        let age = ClientFacts.age(of: client, on: date)
        self.init(
            anonymous: client?.anonymous ?? true, newInFiscalYear: newInFiscalYear, gender: client?.gender, ageBand: age.band, minor: age.minor,
            immigrationCategory: client?.immigrationCategory, preferredOfficialLanguage: client?.preferredOfficialLanguage,
            francophone: client?.francophone ?? false)
    }

    init(
        anonymous: Bool, newInFiscalYear: Bool, gender: Gender?, ageBand: AgeBand, minor: Bool?, immigrationCategory: ImmigrationCategory?,
        preferredOfficialLanguage: OfficialLanguage?, francophone: Bool
    ) {
        self.anonymous = anonymous
        self.newInFiscalYear = newInFiscalYear
        self.gender = gender
        self.ageBand = ageBand
        self.minor = minor
        self.immigrationCategory = immigrationCategory
        self.preferredOfficialLanguage = preferredOfficialLanguage
        self.francophone = francophone
    }
}

extension ClientFacts {
    /// The age band on `date` (from the date of birth, else the band given at intake) and
    /// whether the client was a minor (nil without a date of birth).
    static func age(of client: ClientFacts?, on date: CalendarDate) -> (band: AgeBand, minor: Bool?) {
        let years = client?.dateOfBirth.map { $0.age(on: date) }
        return (years.map(AgeBand.init(years:)) ?? client?.ageBand ?? .age25to44, years.map { $0 < 18 })
    }
}

extension ClientServiceRow {
    var serviceFigures: ServiceFigures {
        ServiceFigures(minutes: minutes, component: component, mode: mode, ageBand: ageBand, minor: minor, anonymous: anonymous)
    }

    var clientFigures: ClientFigures {
        ClientFigures(
            anonymous: anonymous, newInFiscalYear: newInFiscalYear, gender: gender, ageBand: ageBand, minor: minor,
            immigrationCategory: immigrationCategory, preferredOfficialLanguage: preferredOfficialLanguage, francophone: francophone)
    }
}
