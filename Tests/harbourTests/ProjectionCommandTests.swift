import AgencyHistory
import Foundation
import HarbourTestSupport
import Testing

@Suite("projections, rebuild, replay, report, audit")
struct ProjectionCommandTests {
    /// A store holding a generated history of `count` events.
    static func seeded(_ count: Int) throws -> Harbour {
        let harbour = try Harbour()
        #expect(try harbour.run(["init"]).status == 0)
        #expect(try harbour.run(["import", try harbour.generated(count), "--quiet"]).status == 0)
        return harbour
    }

    @Test("projections lists every model with its lag; rebuild brings them to the head")
    func statusAndRebuild() throws {
        let harbour = try Self.seeded(1_500)
        defer { harbour.remove() }
        let before = try harbour.run(["projections"])
        #expect(before.status == 0, "\(before.stderr)")
        for name in ["caseload", "records", "funder", "membership", "elections", "partnership"] {
            #expect(before.stdout.contains(name))
        }
        #expect(before.stdout.contains("1,500"))
        let rebuilt = try harbour.run(["rebuild", "--quiet"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let lags = rebuilt.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").last.map(String.init) }
        #expect(lags.count == 6)
        #expect(lags.allSatisfy { $0 == "0" })
        let unknown = try harbour.run(["rebuild", "ledger"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("NAME: 'ledger' is not a projection"))
    }

    @Test("replay shows the models as of a position and leaves the live ones alone")
    func replay() throws {
        let harbour = try Self.seeded(800)
        defer { harbour.remove() }
        let result = try harbour.run(["replay", "--until", "100", "--projection", "funder"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("read models as of position 100 "))
        #expect(result.stdout.contains("funder:"))
        #expect(!result.stdout.contains("caseload:"))
        #expect(try harbour.run(["projections"]).stdout.contains("800"), "live models were not caught up by the replay")
        #expect(try harbour.run(["replay", "--until", "soon"]).status == 2)
    }

    @Test("report funder as table, csv, json; --explain lists the events behind a figure")
    func funderReport() throws {
        let harbour = try Self.seeded(3_000)
        defer { harbour.remove() }
        let base = ["report", "funder", "--contract", "ircc-sap-2024", "--month", "2024-06", "--quiet"]
        let table = try harbour.run(base)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("ircc-sap-2024 2024-06-01 to 2024-06-30\n"))
        #expect(try harbour.run(base + ["--format", "csv"]).stdout.isEmpty == false)
        let json = try harbour.run(base + ["--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let cells = try #require(report["cells"] as? [String: [String: Any]])
        #expect(cells["services"]?["value"] as? Int ?? 0 > 0)
        let explained = try harbour.run(base + ["--explain", "services"])
        #expect(explained.status == 0, "\(explained.stderr)")
        let lines = explained.stdout.split(separator: "\n")
        let events = try lines.map { try EventLine.decode(Data($0.utf8)) }
        // Every service is behind the figure, and corrections of services beside them.
        #expect(events.filter { $0.eventType == "ServiceDelivered" }.count == cells["services"]?["value"] as? Int)
        #expect(Set(events.map(\.eventType)).isSubset(of: ["ServiceDelivered", "EventCorrected"]))
        let unknown = try harbour.run(["report", "funder", "--contract", "nobody", "--month", "2024-06", "--quiet"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("harbour: error: contract: "))
        #expect(try harbour.run(["report", "funder", "--contract", "x", "--month", "June"]).status == 2)
    }

    @Test("audit filters by client and by event type")
    func audit() throws {
        let harbour = try Self.seeded(1_000)
        defer { harbour.remove() }
        let expected = AgencyHistory(seed: 1, count: 1_000).filter { $0.stream == "client-c-000001" }.count
        let byClient = try harbour.run(["audit", "--client", "c-000001", "--quiet"])
        #expect(byClient.status == 0, "\(byClient.stderr)")
        let lines = byClient.stdout.split(separator: "\n")
        // The client's own stream, and the referrals made for them.
        #expect(lines.filter { $0.hasSuffix("\tclient-c-000001") }.count == expected)
        #expect(lines.allSatisfy { $0.hasSuffix("\tclient-c-000001") || $0.contains("\treferral-r-") })
        let byType = try harbour.run(["audit", "--type", "PartnerRegistered", "--quiet"])
        #expect(byType.stdout.split(separator: "\n").count == 10)
        #expect(try harbour.run(["audit", "--from", "someday"]).status == 2)
    }
}
