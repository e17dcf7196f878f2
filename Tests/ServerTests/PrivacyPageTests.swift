import Events
import EventStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import Testing

/// The administrator answers privacy requests from the web app: access export, holds, erasure, retention.
@Suite struct PrivacyPageTests {
    static var today: String { CalendarDate.day(of: Date(), in: TimeZone(identifier: "UTC")!).description }

    /// A registered client's id and an administrator's session.
    static func client(_ app: Harness) async throws -> (clientId: String, admin: Harness.Session) {
        let worker = try await app.signIn(.worker)
        let clientId = try await ClientAPITests.register(app, worker, body: Bodies.intake(given: "Zenobia", family: "Okonkwo-Lee"))
        return (clientId, try await app.signIn(.administrator))
    }

    @Test func thePagesRenderForAnAdministratorAndAreForbiddenToAWorkerAndAnAccountant() async throws {
        try await Harness.run { app in
            let (clientId, admin) = try await Self.client(app)
            let page = try await app.send(.get, "/admin/privacy/clients/\(clientId)", as: admin)
            #expect(page.status == .ok)
            #expect(page.text.contains("href=\"/clients/\(clientId)/access-request\""))
            #expect(page.text.contains("href=\"/api/clients/\(clientId)/access-request\""))
            #expect(page.text.contains("No legal hold"))
            let retention = try await app.send(.get, "/admin/privacy", as: admin)
            #expect(retention.status == .ok)
            #expect(retention.text.contains("0 records due for erasure as of \(Self.today)"))
            let byId = try await app.send(.get, "/admin/privacy?clientId=\(clientId)", as: admin)
            #expect(byId.status == .seeOther)
            #expect(byId.headers[.location] == "/admin/privacy/clients/\(clientId)")
            let file = try await app.send(.get, "/clients/\(clientId)", as: admin)
            #expect(file.text.contains("href=\"/admin/privacy/clients/\(clientId)\""))
            #expect(file.text.contains("Opened once"), "the first showing")
            let trail = "/admin/audit?clientId=\(clientId)&amp;eventType=ClientFileViewed"
            #expect(file.text.contains("href=\"\(trail)\""), "an administrator is pointed to every opening of the file")
            let openings = try await app.send(.get, trail.replacingOccurrences(of: "&amp;", with: "&"), as: admin)
            #expect(openings.status == .ok)
            #expect(openings.text.contains("Client file viewed"))
            #expect(openings.text.contains(#"<a href="/clients/\#(clientId)">access-\#(clientId)</a>"#), "each opening links to the file")
            for role in [Role.worker, .accountant] {
                let session = try await app.signIn(role)
                #expect(try await app.send(.get, "/admin/privacy/clients/\(clientId)", as: session).status == .forbidden)
                #expect(try await app.send(.get, "/admin/privacy", as: session).status == .forbidden)
                #expect(try await app.send(.get, "/api/privacy/retention", as: session).status == .forbidden)
            }
            let workerFile = try await app.send(.get, "/clients/\(clientId)", as: try await app.signIn(.worker))
            #expect(!workerFile.text.contains("/admin/privacy/clients/"))
        }
    }

    @Test func theHoldFormAppendsTheHoldAndReleaseEndsIt() async throws {
        try await Harness.run { app in
            let (clientId, admin) = try await Self.client(app)
            let placed = try await app.send(
                .post, "/admin/privacy/clients/\(clientId)/holds", form: "_csrf=\(admin.csrf)&holdId=ircc-2025&reason=IRCC+contract+retention", as: admin)
            #expect(placed.status == .seeOther)
            #expect(placed.headers[.location] == "/admin/privacy/clients/\(clientId)")
            let holds = try app.events("client-\(clientId)").filter { $0.eventType == "LegalHoldPlaced" }
            #expect(holds.count == 1)
            #expect(holds.first?.actor == "u-administrator")
            let page = try await app.send(.get, "/admin/privacy/clients/\(clientId)", as: admin)
            #expect(page.text.contains("IRCC contract retention"))
            let released = try await app.send(.post, "/admin/privacy/clients/\(clientId)/holds/ircc-2025/release", form: "_csrf=\(admin.csrf)", as: admin)
            #expect(released.status == .seeOther)
            #expect(try app.events("client-\(clientId)").contains { $0.eventType == "LegalHoldReleased" })
            #expect(try await app.send(.get, "/admin/privacy/clients/\(clientId)", as: admin).text.contains("No legal hold"))
        }
    }

    @Test func erasingWithoutConfirmationIsRefusedAndAppendsNothing() async throws {
        try await Harness.run(sealed: true) { app in
            let (clientId, admin) = try await Self.client(app)
            let head = app.store.headPosition
            let refused = try await app.send(.post, "/admin/privacy/clients/\(clientId)/erasure", form: "_csrf=\(admin.csrf)&reference=PR-7", as: admin)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("is not ticked: erasure cannot be undone, so it must be confirmed"))
            #expect(refused.text.contains("value=\"PR-7\""))
            #expect(app.store.headPosition == head)
        }
    }

    @Test func erasingUnderAHoldShowsTheDomainsMessage() async throws {
        try await Harness.run(sealed: true) { app in
            let (clientId, admin) = try await Self.client(app)
            _ = try await app.send(.post, "/admin/privacy/clients/\(clientId)/holds", form: "_csrf=\(admin.csrf)&holdId=ircc-2025&reason=Contract", as: admin)
            let head = app.store.headPosition
            let blocked = try await app.send(
                .post, "/admin/privacy/clients/\(clientId)/erasure", form: "_csrf=\(admin.csrf)&reference=PR-7&confirm=yes", as: admin)
            #expect(blocked.status == .conflict)
            #expect(blocked.text.contains("is under legal hold ircc-2025"), "\(blocked.text)")
            #expect(app.store.headPosition == head)
        }
    }

    @Test func aSuccessfulErasureSaysWhenAndByWhom() async throws {
        try await Harness.run(sealed: true) { app in
            let (clientId, admin) = try await Self.client(app)
            let erased = try await app.send(
                .post, "/admin/privacy/clients/\(clientId)/erasure", form: "_csrf=\(admin.csrf)&ground=privacyRequest&reference=PR-7&confirm=yes", as: admin)
            #expect(erased.status == .seeOther, "\(erased.text)")
            #expect(try app.events("client-\(clientId)").filter { $0.eventType == "PersonalDataErased" }.count == 1)
            let page = try await app.send(.get, "/admin/privacy/clients/\(clientId)", as: admin)
            #expect(page.text.contains("erased on \(Self.today) by The administrator"))
            #expect(page.text.contains("PR-7"))
            #expect(!page.text.contains("Erase personal data</button>"))
            #expect(!page.text.contains("Okonkwo-Lee"))
        }
    }

    @Test func theRetentionReportListsWhatFallsDueAndWhetherItIsHeld() async throws {
        try await Harness.run { app in
            let (clientId, admin) = try await Self.client(app)
            _ = try await app.send(.post, "/admin/privacy/clients/\(clientId)/holds", form: "_csrf=\(admin.csrf)&holdId=ircc-2025&reason=Contract", as: admin)
            let api = try await app.send(.get, "/api/privacy/retention?asOf=2099-01-01", as: admin)
            #expect(api.status == .ok)
            let due = try #require(api.jsonObject["due"] as? [[String: Any]])
            #expect(due.count == 1)
            #expect(due.first?["recordId"] as? String == clientId)
            #expect(due.first?["holds"] as? [String] == ["ircc-2025"])
            let bad = try await app.send(.get, "/api/privacy/retention?asOf=someday", as: admin)
            #expect(bad.status == .badRequest)
            #expect(bad.problemFields == ["asOf"])
            let page = try await app.send(.get, "/admin/privacy?asOf=2099-01-01", as: admin)
            #expect(page.text.contains("1 records due for erasure as of 2099-01-01"))
            #expect(page.text.contains("Held: ircc-2025"))
            #expect(page.text.contains("registered without a case on"))
        }
    }

    @Test func aRetentionRunNeedsConfirmationAndNeverRunsAhead() async throws {
        try await Harness.run { app in
            let (_, admin) = try await Self.client(app)
            let head = app.store.headPosition
            let unconfirmed = try await app.send(.post, "/admin/privacy/retention", form: "_csrf=\(admin.csrf)", as: admin)
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.text.contains("is not ticked: erasure cannot be undone, so the run must be confirmed"))
            let ahead = try await app.send(.post, "/admin/privacy/retention", form: "_csrf=\(admin.csrf)&asOf=2099-01-01&confirm=yes", as: admin)
            #expect(ahead.status == .unprocessableContent)
            #expect(ahead.text.contains("is after today"))
            let ran = try await app.send(.post, "/admin/privacy/retention", form: "_csrf=\(admin.csrf)&confirm=yes", as: admin)
            #expect(ran.status == .ok)
            #expect(ran.text.contains("0 client files erased"))
            #expect(app.store.headPosition == head)
        }
    }
}
