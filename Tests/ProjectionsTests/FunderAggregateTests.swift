import EventStore
import Events
import Foundation
import HarbourTestSupport
import Projections
import Testing

/// The report read from the funder projection's aggregates must equal the report worked out
/// service by service from the facts, for any history (services corrected across months and
/// contracts, voided, intakes corrected), any period (months, fiscal years, ranges that start
/// or end inside a month or cross April 1st) and however the model was built.
@Suite struct FunderAggregateTests {
    static let periods: [ReportPeriod] = {
        let months = (0..<14).map { offset in
            let first = day("2025-02-01").adding(months: offset)
            return try! ReportPeriod.month(year: first.year, month: first.month)
        }
        let ranges = [
            ("2024-04-01", "2025-03-31"), ("2025-04-01", "2026-03-31"), ("2025-03-15", "2025-04-20"), ("2025-06-07", "2025-06-21"),
            ("2026-03-10", "2026-05-01"), ("2025-02-01", "2026-06-30"), ("2025-04-30", "2025-05-01"),
        ]
        return months + ranges.map { try! ReportPeriod(start: day($0.0), end: day($0.1)) }
    }()

    @Test(arguments: [UInt64(1), 2, 3, 5, 8, 13])
    func theAggregatesGiveTheFiguresWorkedOutServiceByService(seed: UInt64) async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: seed, store: store)
            try await history.record(events: 120)
            // Built in small batches while the history grows, so aggregates are updated in
            // place many times (a client's row changes in many batches).
            let host = try ProjectionHost.open(store: store, options: .init(directory: directory.child("models"), batchEvents: 7))
            try await host.catchUp()
            try await history.record(events: 280)
            try await host.catchUp()
            let models = await host.models
            var compared = 0
            for contract in ["k-1", "k-2"] {
                for period in Self.periods {
                    let summary = try models.funderReport(contract: contract, period: period)
                    let detail = try models.funderReportDetail(contract: contract, period: period)
                    #expect(summary == detail.report, "\(contract) \(period.start)...\(period.end)")
                    compared += summary.value("services")
                }
            }
            #expect(compared > 100, "the history served too few clients to test anything")
            await host.close()
        }
    }
}
