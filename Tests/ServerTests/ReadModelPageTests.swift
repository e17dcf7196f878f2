import Events
import EventStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Projections
@testable import Server
import Testing

/// The read-model pages, signed in through the form as a browser is.
@Suite struct ReadModelPageTests {
    @Test func aWorkersHomeIsTheirCaseload() async throws {
        try await Harness.run { app in
            let clientId = try await ReadModelAPITests.servedClient(app)
            let (cookie, _) = try await PageTests.signInWithForm(app, role: .worker)
            let worker = try await app.signIn(.worker)
            _ = try await app.send(.get, "/api/caseload", as: worker)
            let home = try await app.send(.get, "/", headers: [.cookie: cookie])
            #expect(home.status == .ok)
            #expect(home.text.contains("<h1>My caseload</h1>"))
            #expect(home.text.contains(#"href="/clients/\#(clientId)">Amira Haddad</a>"#))
            #expect(home.text.contains(#"<a href="/clients/new">New intake</a>"#))
            #expect(!home.text.contains("The team"), "a worker sees their own caseload only")
        }
    }

    @Test func aSupervisorSeesTheTeamAndOpensAWorkersCaseload() async throws {
        try await Harness.run { app in
            let clientId = try await ReadModelAPITests.servedClient(app)
            try await app.services.projections.waitUntilApplied(app.store.headPosition)
            let supervisor = try await app.signIn(.supervisor)
            let home = try await app.send(.get, "/", as: supervisor)
            #expect(home.text.contains("<h1>My caseload</h1>"))
            #expect(home.text.contains(#"<li><a href="/caseload?worker=u-worker">The worker</a>: 1 open cases</li>"#), "\(home.text)")
            let theirs = try await app.send(.get, "/caseload?worker=u-worker", as: supervisor)
            #expect(theirs.status == .ok)
            #expect(theirs.text.contains("<h1>Caseload of The worker</h1>"))
            #expect(theirs.text.contains(#"href="/clients/\#(clientId)">Amira Haddad</a>"#))
            #expect(theirs.text.contains("<li><strong>The worker</strong>: 1 open cases</li>"), "the one shown is marked")
            let worker = try await app.signIn(.worker)
            #expect(try await app.send(.get, "/caseload?worker=u-supervisor", as: worker).status == .forbidden)
        }
    }

    @Test func everyFigureOfTheReportLinksToItsEvents() async throws {
        try await Harness.run { app in
            _ = try await ReadModelAPITests.servedClient(app)
            let worker = try await app.signIn(.worker)
            _ = try await app.send(.get, "/api/caseload", as: worker)
            let (cookie, _) = try await PageTests.signInWithForm(app, role: .accountant)
            let query = "contract=ircc-test&month=\(ReadModelAPITests.month)"
            let page = try await app.send(.get, "/reports?\(query)", headers: [.cookie: cookie])
            #expect(page.status == .ok, "\(page.text)")
            #expect(page.text.contains(#"data-cell="services">1</a>"#))
            #expect(page.text.contains("/api/reports/funder/xlsx?contract=ircc-test&amp;month="))
            // In sections, in the order a funder reads them, each figure named in words.
            let captions = ["<caption>Clients</caption>", "<caption>Who the clients are</caption>", "<caption>Services and minutes</caption>"]
            let offsets = captions.compactMap { page.text.range(of: $0)?.lowerBound }
            #expect(offsets.count == captions.count && offsets == offsets.sorted(), "\(offsets)")
            #expect(page.text.contains(#"<th scope="row">Unique clients served</th>"#))
            #expect(page.text.contains(#"<th scope="row">Services delivered</th>"#))
            let explain = try await app.send(.get, "/reports/explain?\(query)&cell=services", headers: [.cookie: cookie])
            #expect(explain.status == .ok)
            #expect(explain.text.contains("Service delivered"))
            #expect(explain.text.contains(#"<a href="/clients/"#), "each event behind the figure links to the client's file")
            let position = try #require(explain.text.range(of: #"<a href="/events/"#).map { explain.text[$0.upperBound...].prefix { $0 != "\"" } })
            let event = try await app.send(.get, "/events/\(position)", headers: [.cookie: cookie])
            #expect(event.text.contains("informationAndOrientation"))
            #expect(event.text.contains("<br>information and orientation, 45 min, in person"), "the event in words above its payload")
            let bad = try await app.send(.get, "/reports?contract=ircc-test&month=June", headers: [.cookie: cookie])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains(#"<p class="error" id="month-error">"#))
        }
    }

    @Test func reportFiguresAreNamedInWordsAndPlacedInTheirSections() {
        #expect(ReportLabels.label("clients.ageBand.age25to44") == "Age: 25 to 44")
        #expect(ReportLabels.label("services.ageBand.age65plus") == "Services by age: 65 and over")
        #expect(ReportLabels.label("clients.immigrationCategory.refugeeGovernmentAssisted") == "Immigration category: refugee government assisted")
        #expect(ReportLabels.label("minutes.component.languageTraining") == "Minutes: language training")
        #expect(ReportLabels.label("referrals.funderFunded.accepted") == "Referrals: funder funded, accepted")
        #expect(ReportLabels.label("clients.new") == "New in the fiscal year")
        #expect(ReportLabels.label("clients.language.french") == "Preferred official language: French")
        #expect(ReportLabels.place("clients.unique").title == "Clients")
        #expect(ReportLabels.place("clients.gender.female").title == "Who the clients are")
        #expect(ReportLabels.place("services").title == "Services and minutes")
        #expect(ReportLabels.place("services.mode.phone").title == "Services and minutes")
        #expect(ReportLabels.place("referrals.internal.made").title == "Referrals")
        #expect(ReportLabels.place("somethingNew").title == "Other figures")
        // Within a section, the figures keep the order of its prefixes: totals before their parts.
        #expect(ReportLabels.place("services").rank < ReportLabels.place("services.component.informationAndOrientation").rank)
        #expect(ReportLabels.place("clients.unique").rank < ReportLabels.place("clients.new").rank)
    }

    @Test func anAdministratorManagesUsersAndSearchesTheTrail() async throws {
        try await Harness.run { app in
            let (cookie, csrf) = try await PageTests.signInWithForm(app, role: .administrator)
            let short = try await app.send(
                .post, "/admin/users", form: "_csrf=\(csrf)&username=amina&displayName=Amina+H&role-worker=yes&password=short", headers: [.cookie: cookie])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains(#"value="amina""#))
            #expect(short.text.contains("use at least 12"))
            let created = try await app.send(
                .post, "/admin/users", form: "_csrf=\(csrf)&username=amina&displayName=Amina+H&role-worker=yes&password=a+long+enough+pass", headers: [.cookie: cookie])
            #expect(created.status == .seeOther, "\(created.text)")
            let granted = try await app.send(.post, "/admin/users/u-amina/roles", form: "_csrf=\(csrf)&role=supervisor&action=grant", headers: [.cookie: cookie])
            #expect(granted.status == .seeOther)
            let users = try await app.send(.get, "/admin/users", headers: [.cookie: cookie])
            #expect(users.text.contains("supervisor, worker"))
            let trail = try await app.send(.get, "/admin/audit?actor=u-administrator&eventType=RoleGranted", headers: [.cookie: cookie])
            #expect(trail.status == .ok)
            #expect(trail.text.contains("<td>user-u-amina</td>"), "only a client's streams link to a file")
            // Who by name, and by the id the search took.
            #expect(trail.text.contains(#"<td>The administrator<br><span class="muted">u-administrator</span></td>"#))
            let badDate = try await app.send(.get, "/admin/audit?from=yesterday", headers: [.cookie: cookie])
            #expect(badDate.status == .badRequest)
            let verify = try await app.send(.post, "/admin/verification", form: "_csrf=\(csrf)", headers: [.cookie: cookie])
            #expect(verify.status == .seeOther)
            try await app.services.verification.waitUntilIdle()
            #expect(try await app.send(.get, "/admin/verification", headers: [.cookie: cookie]).text.contains("<strong>Intact.</strong>"))
            let replay = try await app.send(.get, "/admin/replay?asOf=2999-01-01&model=audit&actor=u-administrator", headers: [.cookie: cookie])
            #expect(replay.status == .ok)
            #expect(replay.text.contains("Role granted"))
            #expect(replay.text.contains("The administrator"))
            let members = try await app.send(.get, "/membership", headers: [.cookie: cookie])
            #expect(members.status == .ok)
            let gaps = try await app.send(.get, "/gaps", headers: [.cookie: cookie])
            #expect(gaps.status == .ok)
            let elections = try await app.send(.get, "/elections", headers: [.cookie: cookie])
            #expect(elections.text.contains("Call the meeting"))
        }
    }
}
