import Events
import EventStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import Testing

@Suite struct PageTests {
    /// Signs in through the form as the browser does; returns the session cookie.
    static func signInWithForm(_ app: Harness, role: Role) async throws -> (cookie: String, csrf: String) {
        let page = try await app.send(.get, "/login?next=/clients")
        #expect(page.status == .ok)
        let loginCookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("harbour_login_csrf=") })
        let token = try #require(Self.hiddenValue("_csrf", in: page.text))
        let form = "username=\(Harness.username(role))&password=correct+horse+battery&_csrf=\(token)&next=%2Fclients"
        let response = try await app.send(.post, "/login", form: form, headers: [.cookie: String(loginCookie.split(separator: ";")[0])])
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/clients")
        let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("harbour_session=") })
        let session = String(cookie.split(separator: ";")[0])
        let home = try await app.send(.get, "/", headers: [.cookie: session])
        return (session, try #require(Self.hiddenValue("_csrf", in: home.text)))
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func theSignInFormNeedsItsOwnTokenAndSignsIn() async throws {
        try await Harness.run { app in
            let forged = try await app.send(.post, "/login", form: "username=worker&password=correct+horse+battery&_csrf=made-up")
            #expect(forged.status == .badRequest)
            #expect(!forged.headers[values: .setCookie].contains { $0.hasPrefix("harbour_session=") })
            let (cookie, _) = try await Self.signInWithForm(app, role: .worker)
            let home = try await app.send(.get, "/", headers: [.cookie: cookie])
            #expect(home.status == .ok)
            #expect(home.text.contains("Signed in as The worker"))
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func aWorkerRegistersAClientLogsAServiceAndSeesTheTimeline() async throws {
        try await Harness.run { app in
            let (cookie, csrf) = try await Self.signInWithForm(app, role: .worker)
            let intake = "_csrf=\(csrf)&givenNames=Amira&familyName=Haddad&dateOfBirth=1988-03-14&gender=female"
                + "&immigrationCategory=permanentResident&preferredOfficialLanguage=english&countryOfBirth=SY&languagesSpoken=ar&privacyStatement=yes"
            let registered = try await app.send(.post, "/clients/new", form: intake, headers: [.cookie: cookie])
            #expect(registered.status == .seeOther, "\(registered.text)")
            let location = try #require(registered.headers[.location])
            let clientId = String(location.dropFirst("/clients/".count))
            let duplicate = try await app.send(.post, "/clients/new", form: intake, headers: [.cookie: cookie])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.text.contains("may be someone already registered"))
            #expect(duplicate.text.contains(#"value="Amira""#))
            let today = CalendarDate.day(of: Date(), in: TimeZone(identifier: "UTC")!)
            let service = "_csrf=\(csrf)&component=informationAndOrientation&deliveredOn=\(today)&minutes=30&mode=phone&language=ar&outcome=completed"
            let logged = try await app.send(.post, "/clients/\(clientId)/services", form: service, headers: [.cookie: cookie])
            #expect(logged.status == .seeOther)
            let bad = try await app.send(.post, "/clients/\(clientId)/services", form: service.replacingOccurrences(of: "minutes=30", with: "minutes=lots"), headers: [.cookie: cookie])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("<strong>minutes</strong>"))
            let opened = try await app.send(.post, "/clients/\(clientId)/case", form: "_csrf=\(csrf)", headers: [.cookie: cookie])
            #expect(opened.status == .seeOther)
            let caseload = try await app.send(.get, "/", headers: [.cookie: cookie])
            #expect(caseload.text.contains(#"href="/clients/\#(clientId)""#))
            let due = today.adding(days: 7)
            let followUp = "_csrf=\(csrf)&dueOn=\(due)&purpose=Call+about+housing"
            #expect(try await app.send(.post, "/clients/\(clientId)/follow-ups", form: followUp, headers: [.cookie: cookie]).status == .seeOther)
            let file = try await app.send(.get, location, headers: [.cookie: cookie])
            #expect(file.text.contains("Case: open"))
            // Who the client is, before what was done.
            #expect(file.text.contains("<dt>Date of birth</dt><dd>1988-03-14 ("))
            #expect(file.text.contains("<dt>Immigration category</dt><dd>permanent resident</dd>"))
            #expect(file.text.contains("<dt>Case worker</dt><dd>The worker</dd>"))
            #expect(file.text.contains("<dt>Shares with the funder</dt><dd>no (recorded"))
            #expect(file.text.contains("<li>due \(due): Call about housing</li>"))
            #expect(!file.text.contains("<dt>UCI</dt>"), "none was given")
            #expect(file.status == .ok)
            #expect(file.text.contains("Service delivered"))
            #expect(file.text.contains("<br>information and orientation, 30 min, phone, in ar, completed"))
            // An entry with nothing more to say has no empty line for it (an empty string shows a section).
            #expect(!file.text.contains("<br> <a href=\"/clients/") && !file.text.contains("<br></li>"))
            #expect(file.text.contains(#"<label for="minutes">"#))
            #expect(try app.fileViews(clientId).count == 2)
            // The refused service showed the file once, this is the second: counted and listed
            // apart, newest first, never among the casework of the timeline.
            #expect(file.text.contains("Opened 2 times"))
            #expect(!file.text.contains("Client file viewed"))
            #expect(file.text.components(separatedBy: "by The worker, for casework</li>").count == 3)
            #expect(!file.text.contains("every opening in the audit trail"), "the audit trail is the administrators'")
            let found = try await app.send(.get, "/clients?name=amira", headers: [.cookie: cookie])
            #expect(found.text.contains("Amira Haddad</a> — born 1988-03-14; case open with The worker"), "enough to tell namesakes apart")
        }
    }

    @Test func aWorkerMakesAndMovesAReferralFromTheFile() async throws {
        try await Harness.run { app in
            let (cookie, csrf) = try await Self.signInWithForm(app, role: .worker)
            let session = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, session)
            let made = try await app.send(
                .post, "/clients/\(clientId)/referrals", form: "_csrf=\(csrf)&programName=Job+club&needDomain=employment",
                headers: [.cookie: cookie])
            #expect(made.status == .seeOther)
            let file = try await app.send(.get, "/clients/\(clientId)", headers: [.cookie: cookie])
            let referralId = try #require(file.text.range(of: #"action="/referrals/"#).map { file.text[$0.upperBound...].prefix { $0 != "/" } })
            let moved = try await app.send(
                .post, "/referrals/\(referralId)/move", form: "_csrf=\(csrf)&clientId=\(clientId)&step=accept", headers: [.cookie: cookie])
            #expect(moved.status == .seeOther)
            #expect(try app.events("referral-\(referralId)").map(\.eventType) == ["ReferralMade", "ReferralAccepted"])
            // The acceptance says which referral it answers.
            let after = try await app.send(.get, "/clients/\(clientId)", headers: [.cookie: cookie])
            #expect(after.text.components(separatedBy: "<br>for employment, to Job club").count == 3, "the referral made and its acceptance")
        }
    }

    @Test func formsWithoutTheTokenAreRefused() async throws {
        try await Harness.run { app in
            let (cookie, _) = try await Self.signInWithForm(app, role: .worker)
            let head = app.store.headPosition
            let response = try await app.send(.post, "/clients/new", form: "givenNames=A", headers: [.cookie: cookie])
            #expect(response.status == .forbidden)
            #expect(app.store.headPosition == head)
        }
    }
}
