import EventStore
import Events
import Foundation
import HarbourTestSupport
import Projections
import Testing
import ZIPFoundation

@Suite struct ExportTests {
    private func juneReport(_ store: EventStore) async throws -> FunderReportDetail {
        var fixture = FunderFixture(store: store)
        try await fixture.record()
        let host = try ProjectionHost.open(store: store)
        try await host.catchUp()
        let report = try await host.models.funderReportDetail(contract: "k-1", period: try .month(year: 2025, month: 6))
        await host.close()
        return report
    }

    @Test func csvHasTheSummaryThenOneRowPerClientService() async throws {
        try await withTemporaryStore { store in
            let report = try await juneReport(store)
            let lines = FunderReportCSV.csv(report).components(separatedBy: "\r\n")
            #expect(lines[0] == "Contract,k-1")
            #expect(lines.contains("minutes,225"))
            #expect(lines.contains("clients.anonymous,1"))
            let header = try #require(lines.firstIndex(of: FunderReportCSV.serviceColumns.joined(separator: ",")))
            let services = lines[(header + 1)...].filter { !$0.isEmpty }
            #expect(services.count == 4)
            // The anonymous client's row shows no id.
            #expect(services.first?.hasPrefix(",yes,no,s-c1,2025-06-03,") == true)
        }
    }

    @Test func xlsxIsAWorkbookWithASummaryAndAClientServiceSheet() async throws {
        try await withTemporaryStore { store in
            let report = try await juneReport(store)
            let archive = try Archive(data: try FunderReportXLSX.xlsx(report), accessMode: .read)
            func part(_ path: String) throws -> String {
                let entry = try #require(archive[path])
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                return String(decoding: data, as: UTF8.self)
            }
            #expect(try part("[Content_Types].xml").contains("spreadsheetml.sheet.main+xml"))
            #expect(try part("_rels/.rels").contains("xl/workbook.xml"))
            let workbook = try part("xl/workbook.xml")
            #expect(workbook.contains(#"name="Summary""#) && workbook.contains(#"name="Client Services""#))
            #expect(try part("xl/_rels/workbook.xml.rels").contains("worksheets/sheet2.xml"))
            let summary = try part("xl/worksheets/sheet1.xml")
            #expect(summary.contains("<t>minutes</t></is></c><c r=\"B") && summary.contains("<v>225</v>"))
            let services = try part("xl/worksheets/sheet2.xml")
            #expect(services.components(separatedBy: "<row ").count - 1 == 5)
            #expect(services.contains("<t>s-b2</t>"))
        }
    }
}

@Suite struct FunderConsentExportTests {
    @Test("a client who withdrew funder sharing is counted, but the export leaves their id blank in every row")
    func withdrawnFunderSharingBlanksTheId() async throws {
        try await withTemporaryStore { store in
            var fixture = FunderFixture(store: store)
            try await fixture.record()
            let withdrawn = ConsentDecision(granted: false, recordedOn: day("2025-06-12"), takenBy: UserID("u-w1"))
            try await LogWriter(store: store).record(ConsentRecorded(clientId: ClientID("B"), kind: .shareWithFunder, decision: withdrawn))
            let host = try ProjectionHost.open(store: store)
            try await host.catchUp()
            let report = try await host.models.funderReportDetail(contract: "k-1", period: try .month(year: 2025, month: 6))
            let summary = try await host.models.funderReport(contract: "k-1", period: try .month(year: 2025, month: 6))
            await host.close()

            for (name, value) in FunderReportFixtureTests.expected {
                #expect(report.report.value(name) == value, "\(name)")
                #expect(summary.value(name) == value, "\(name)")
            }
            let lines = FunderReportCSV.csv(report).components(separatedBy: "\r\n")
            let header = try #require(lines.firstIndex(of: FunderReportCSV.serviceColumns.joined(separator: ",")))
            let rows = lines[(header + 1)...].filter { !$0.isEmpty }
            #expect(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",") } == [
                ",yes,no,s-c1", "A,no,yes,s-a2", ",no,no,s-b1", ",no,no,s-b2",
            ])
            let archive = try Archive(data: try FunderReportXLSX.xlsx(report), accessMode: .read)
            let entry = try #require(archive["xl/worksheets/sheet2.xml"])
            var sheet = Data()
            _ = try archive.extract(entry) { sheet.append($0) }
            let services = String(decoding: sheet, as: UTF8.self)
            #expect(services.contains("<t>A</t>"))
            #expect(!services.contains("<t>B</t>"))
        }
    }
}
