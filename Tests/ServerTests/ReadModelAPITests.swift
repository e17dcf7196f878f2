import Events
import EventStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import Testing

/// The read models through the API: each answers what was just written (read-your-writes),
/// and bad queries are 400s naming the parameter.
@Suite struct ReadModelAPITests {
    static var today: String { CalendarDate.day(of: Date(), in: TimeZone(identifier: "UTC")!).description }
    static var month: String { String(today.prefix(7)) }

    static let contract = """
        {"contractId":"ircc-test","funder":"IRCC","program":"Settlement","agreementNumber":"A-1","startsOn":"2020-04-01","endsOn":"2035-03-31",
        "fundedComponents":["informationAndOrientation","needsAssessmentAndReferral"],"targets":[]}
        """

    /// A client with an open case assigned to the worker and one service under the contract.
    static func servedClient(_ app: Harness) async throws -> String {
        let accountant = try await app.signIn(.accountant)
        let signed = try await app.send(.post, "/api/contracts", json: contract, as: accountant)
        #expect(signed.status == .created, "\(signed.text)")
        let worker = try await app.signIn(.worker)
        let clientId = try await ClientAPITests.register(app, worker)
        #expect(try await app.send(.post, "/api/clients/\(clientId)/case/open", json: "{}", as: worker).status == .created)
        let assigned = try await app.send(.post, "/api/clients/\(clientId)/case/assign", json: #"{"workerId":"u-worker"}"#, as: worker)
        #expect(assigned.status == .created, "\(assigned.text)")
        let service = Bodies.service.replacingOccurrences(of: "2026-11-02", with: today)
            .replacingOccurrences(of: #""outcome""#, with: #""contractId":"ircc-test","outcome""#)
        let logged = try await app.send(.post, "/api/clients/\(clientId)/services", json: service, as: worker)
        #expect(logged.status == .created, "\(logged.text)")
        return clientId
    }

    @Test func theCaseloadShowsTheCaseJustAssigned() async throws {
        try await Harness.run { app in
            let clientId = try await Self.servedClient(app)
            let worker = try await app.signIn(.worker)
            // A new session has no writes of its own: wait through a write of its own first.
            #expect(try await app.send(.post, "/api/clients/\(clientId)/follow-ups", json: #"{"dueOn":"2999-01-01","purpose":"Call back"}"#, as: worker).status == .created)
            let caseload = try await app.send(.get, "/api/caseload", as: worker)
            #expect(caseload.status == .ok, "\(caseload.text)")
            let cases = try #require(caseload.jsonObject["cases"] as? [[String: Any]])
            #expect(cases.map { $0["clientId"] as? String } == [clientId])
            #expect((cases.first?["overdueFollowUps"] as? [Any])?.isEmpty == true)
            let other = try await app.send(.get, "/api/caseload?worker=u-someone", as: worker)
            #expect(other.status == .forbidden)
            #expect(other.problemFields == ["worker"])
            let badPage = try await app.send(.get, "/api/caseload?page=-1", as: worker)
            #expect(badPage.status == .badRequest)
            #expect(badPage.problemFields == ["page"])
        }
    }

    @Test func theFunderReportCountsTheServiceAndExplainsTheFigure() async throws {
        try await Harness.run { app in
            _ = try await Self.servedClient(app)
            let accountant = try await app.signIn(.accountant)
            let worker = try await app.signIn(.worker)
            // Read-your-writes is per session: the accountant's own write is the contract, so
            // wait for the worker's service through the worker's session first.
            _ = try await app.send(.get, "/api/caseload", as: worker)
            let query = "contract=ircc-test&month=\(Self.month)"
            let report = try await app.send(.get, "/api/reports/funder?\(query)", as: accountant)
            #expect(report.status == .ok, "\(report.text)")
            let cells = try #require(report.jsonObject["cells"] as? [String: [String: Any]])
            #expect(cells["services"]?["value"] as? Int == 1)
            let explained = try await app.send(.get, "/api/reports/funder/explain?\(query)&cell=services", as: accountant)
            #expect(explained.status == .ok, "\(explained.text)")
            let events = try #require(explained.jsonObject["events"] as? [[String: Any]])
            #expect(events.map { $0["eventType"] as? String } == ["ServiceDelivered"])
            let position = try #require(events.first?["position"] as? Int)
            let event = try await app.send(.get, "/api/events/\(position)", as: accountant)
            #expect(event.jsonObject["eventType"] as? String == "ServiceDelivered")
            let csv = try await app.send(.get, "/api/reports/funder/csv?\(query)", as: accountant)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("ircc-test") == true)
            let xlsx = try await app.send(.get, "/api/reports/funder/xlsx?\(query)", as: accountant)
            #expect(xlsx.status == .ok)
            #expect(Array(xlsx.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            let fiscal = try await app.send(.get, "/api/reports/funder?contract=ircc-test&fiscalYear=2025", as: accountant)
            #expect(fiscal.status == .ok)
            for (bad, field) in [("contract=ircc-test&month=June", "month"), ("month=2025-06", "contract"), ("contract=ircc-test", "month")] {
                let response = try await app.send(.get, "/api/reports/funder?\(bad)", as: accountant)
                #expect(response.status == .badRequest, "\(bad)")
                #expect(response.problemFields == [field], "\(bad)")
            }
            let unknownCell = try await app.send(.get, "/api/reports/funder/explain?\(query)&cell=nonsense", as: accountant)
            #expect(unknownCell.status == .notFound)
            #expect(unknownCell.problemFields == ["cell"])
            let unknownContract = try await app.send(.get, "/api/reports/funder?contract=nobody&month=\(Self.month)", as: accountant)
            #expect(unknownContract.status == .notFound)
            #expect(try await app.send(.get, "/api/events/999999", as: accountant).status == .notFound)
            #expect(try await app.send(.get, "/api/events/x", as: accountant).problemFields == ["position"])
        }
    }

    @Test func theAuditTrailShowsWhoViewedAFileAndReplayGoesBackInTime() async throws {
        try await Harness.run { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker)
            _ = try await app.send(.get, "/api/clients/\(clientId)/file", as: worker)
            let admin = try await app.signIn(.administrator)
            _ = try await app.send(.get, "/api/caseload", as: worker)
            let trail = try await app.send(.get, "/api/audit?clientId=\(clientId)&eventType=ClientFileViewed", as: admin)
            #expect(trail.status == .ok, "\(trail.text)")
            let entries = try #require(trail.jsonObject["entries"] as? [[String: Any]])
            #expect(entries.map { $0["actor"] as? String } == ["u-worker"])
            let badRange = try await app.send(.get, "/api/audit?from=2026-02-01&through=2026-01-01", as: admin)
            #expect(badRange.problemFields == ["through"])
            let past = try await app.send(.get, "/api/replay?asOf=2000-01-01&model=audit&clientId=\(clientId)", as: admin)
            #expect(past.status == .ok, "\(past.text)")
            #expect((past.jsonObject["entries"] as? [Any])?.isEmpty == true)
            let now = try await app.send(.get, "/api/replay?asOf=2999-01-01&model=audit&clientId=\(clientId)", as: admin)
            #expect((now.jsonObject["entries"] as? [Any])?.count == 2)
            let badModel = try await app.send(.get, "/api/replay?asOf=2025-01-01&model=everything", as: admin)
            #expect(badModel.problemFields == ["model"])
        }
    }

    @Test func verificationRunsInTheBackground() async throws {
        try await Harness.run { app in
            let admin = try await app.signIn(.administrator)
            let started = try await app.send(.post, "/api/verification", as: admin)
            #expect(started.status == .accepted)
            try await app.services.verification.waitUntilIdle()
            let status = try await app.send(.get, "/api/verification", as: admin)
            #expect(status.jsonObject["state"] as? String == "intact")
            #expect(status.jsonObject["eventsChecked"] as? Int == Int(app.store.headPosition))
        }
    }
}
