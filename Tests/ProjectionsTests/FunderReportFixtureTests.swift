import EventStore
import Events
import Foundation
import HarbourTestSupport
import Projections
import Testing

/// June 2025 under contract k-1, built by hand so every figure is known:
/// - A: named, born 1990, served in April (so returning in June); her June language training
///   was recorded as 90 minutes and corrected to 120.
/// - B: named, Francophone, born 2007-06-15, so 17 at his first June service and 18 at his
///   second: counted once as a minor client, one minor and one adult service.
/// - C: anonymous (no personal details): counted apart, services still counted.
/// - D: named, whose only service was voided: not counted at all.
/// - A service for A under another contract, and one in July, fall outside the report.
struct FunderFixture {
    let store: EventStore
    var correctedService: Logged!
    var correction: Logged!
    var voidedService: Logged!

    init(store: EventStore) { self.store = store }

    mutating func record() async throws {
        let log = LogWriter(store: store)
        try await log.record(Make.contract("k-1"))
        try await log.record(Make.contract("k-2"))
        try await log.record(Make.partner("p-funded", .funderFunded))
        try await log.record(Make.partner("p-free", .notFunded))
        try await log.record(Make.client("A", on: day("2025-04-10"), born: day("1990-01-01")))
        try await log.record(Make.service("A", "s-a1", .informationAndOrientation, on: day("2025-04-10"), minutes: 60))
        try await log.record(
            Make.client("B", on: day("2025-06-01"), born: day("2007-06-15"), gender: .male, category: .refugeeGovernmentAssisted, language: .french))
        try await log.record(Make.client("C", on: day("2025-06-02"), born: nil, gender: .preferNotToSay, band: .age45to64, category: .other))
        try await log.record(Make.client("D", on: day("2025-06-01"), born: day("1980-03-03"), gender: .male, category: .citizen))
        try await log.record(Make.service("C", "s-c1", .informationAndOrientation, on: day("2025-06-03"), minutes: 30))
        correctedService = try await log.record(Make.service("A", "s-a2", .languageTraining, on: day("2025-06-05"), minutes: 90))
        try await log.record(Make.service("B", "s-b1", .informationAndOrientation, on: day("2025-06-10"), minutes: 30))
        voidedService = try await log.record(Make.service("D", "s-d1", .employmentRelated, on: day("2025-06-12"), minutes: 60))
        try await log.record(Make.service("B", "s-b2", .communityConnections, on: day("2025-06-20"), minutes: 45))
        try await log.record(Make.service("A", "s-a3", .informationAndOrientation, on: day("2025-06-21"), minutes: 15, contract: "k-2"))
        try await log.record(Make.service("A", "s-a4", .informationAndOrientation, on: day("2025-07-02"), minutes: 15))
        correction = try await log.correct(correctedService, with: Make.service("A", "s-a2", .languageTraining, on: day("2025-06-05"), minutes: 120))
        try await log.void(voidedService)
        try await log.record(Make.referral("r-1", client: "B", on: day("2025-06-11"), partner: "p-funded"))
        try await log.record(ReferralAccepted(referralId: ReferralID("r-1"), acceptedOn: day("2025-06-15")))
        try await log.record(Make.referral("r-2", client: "A", on: day("2025-06-06"), partner: "p-free", domain: .employment))
        try await log.record(Make.referral("r-3", client: "C", on: day("2025-06-03"), partner: nil, domain: .socialConnection))
        try await log.record(ReferralCompleted(referralId: ReferralID("r-3"), completedOn: day("2025-06-25")))
    }
}

@Suite struct FunderReportFixtureTests {
    static let expected: [String: Int] = [
        "services": 4, "minutes": 225,
        "services.component.informationAndOrientation": 2, "minutes.component.informationAndOrientation": 60,
        "services.component.languageTraining": 1, "minutes.component.languageTraining": 120,
        "services.component.communityConnections": 1, "minutes.component.communityConnections": 45,
        "services.mode.inPerson": 4, "services.minor": 1, "services.adult": 2, "services.anonymous": 1,
        "services.ageBand.age25to44": 1, "services.ageBand.age15to24": 2, "services.ageBand.age45to64": 1,
        "clients.unique": 2, "clients.anonymous": 1, "clients.new": 1, "clients.returning": 1,
        "clients.minor": 1, "clients.adult": 1, "clients.gender.female": 1, "clients.gender.male": 1,
        "clients.ageBand.age25to44": 1, "clients.ageBand.age15to24": 1,
        "clients.immigrationCategory.permanentResident": 1, "clients.immigrationCategory.refugeeGovernmentAssisted": 1,
        "clients.language.english": 1, "clients.language.french": 1, "clients.francophone": 1,
        "referrals": 3, "referrals.funderFunded": 1, "referrals.funderFunded.accepted": 1,
        "referrals.notFunded": 1, "referrals.notFunded.made": 1, "referrals.internal": 1, "referrals.internal.completed": 1,
    ]

    @Test func juneFiguresAreExact() async throws {
        try await withTemporaryStore { store in
            var fixture = FunderFixture(store: store)
            try await fixture.record()
            let host = try ProjectionHost.open(store: store)
            try await host.catchUp()
            let report = try await host.models.funderReport(contract: "k-1", period: try .month(year: 2025, month: 6))
            #expect(report.cells.mapValues(\.value) == Self.expected)
            #expect(report.fiscalYear == (try ReportPeriod(start: day("2025-04-01"), end: day("2026-03-31"))))
            let detail = try await host.models.funderReportDetail(contract: "k-1", period: try .month(year: 2025, month: 6))
            #expect(detail.report == report)
            #expect(detail.rows.map(\.serviceId) == ["s-c1", "s-a2", "s-b1", "s-b2"])
            #expect(detail.rows.map(\.minor) == [nil, false, true, false])
            await host.close()
        }
    }

    @Test func everyCellNamesTheEventsBehindIt() async throws {
        try await withTemporaryStore { store in
            var fixture = FunderFixture(store: store)
            try await fixture.record()
            let host = try ProjectionHost.open(store: store)
            try await host.catchUp()
            let models = await host.models
            let report = try models.funderReport(contract: "k-1", period: try .month(year: 2025, month: 6))
            let behind = try models.explain(report, cell: "minutes.component.languageTraining")
            #expect(behind.map(\.position) == [fixture.correctedService.position, fixture.correction.position])
            let sources = try models.funderReportDetail(contract: "k-1", period: try .month(year: 2025, month: 6)).sources
            #expect(Set(sources.keys) == Set(report.cells.keys))
            #expect(sources.values.allSatisfy { !$0.isEmpty })
            #expect(sources.values.allSatisfy { !$0.contains(fixture.voidedService.position) })
            #expect(throws: ProjectionError.self) { try models.explain(report, cell: "services.component.employmentRelated") }
            await host.close()
        }
    }

    @Test func theAuditTrailKeepsBothTheOriginalAndItsCorrection() async throws {
        try await withTemporaryStore { store in
            var fixture = FunderFixture(store: store)
            try await fixture.record()
            let host = try ProjectionHost.open(store: store)
            try await host.catchUp()
            let models = await host.models
            let trail = try models.auditTrail(filter: AuditFilter(clientId: "A"))
            let positions = trail.entries.map(\.position)
            #expect(positions.contains(fixture.correctedService.position))
            #expect(positions.contains(fixture.correction.position))
            let file = try models.clientFile(clientId: "A")
            let corrected = file.entries.first { $0.record.position == fixture.correctedService.position }
            #expect(corrected?.corrections.map(\.record.position) == [fixture.correction.position])
            #expect(corrected?.corrections.first?.replacement?.contains("\"minutes\":120") == true)
            #expect(file.entries.map(\.record.position) == file.entries.map(\.record.position).sorted())
            let dFile = try models.clientFile(clientId: "D")
            #expect(dFile.entries.first { $0.record.position == fixture.voidedService.position }?.corrections.first?.voided == true)
            await host.close()
        }
    }
}
