import Events
import EventStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import Testing

/// The command routes beyond intake, services and referrals.
@Suite struct CommandAPITests {
    @Test func anAdministratorCreatesAUserWhoCanThenSignIn() async throws {
        try await Harness.run { app in
            let admin = try await app.signIn(.administrator)
            let created = try await app.send(
                .post, "/api/users", json: #"{"username":"amina","displayName":"Amina Haddad","roles":["worker"]}"#, as: admin)
            #expect(created.status == .created, "\(created.text)")
            let short = try await app.send(.post, "/api/users/u-amina/password", json: #"{"password":"short"}"#, as: admin)
            #expect(short.status == .unprocessableContent)
            #expect(short.problemFields == ["password"])
            let set = try await app.send(.post, "/api/users/u-amina/password", json: #"{"password":"a long enough passphrase"}"#, as: admin)
            #expect(set.status == .created)
            let granted = try await app.send(.post, "/api/users/u-amina/roles/grant", json: #"{"role":"supervisor"}"#, as: admin)
            #expect(granted.status == .created)
            let badRole = try await app.send(.post, "/api/users/u-amina/roles/grant", json: #"{"role":"emperor"}"#, as: admin)
            #expect(badRole.status == .unprocessableContent || badRole.status == .badRequest)
            #expect(badRole.problemFields == ["role"])
            let signIn = try await app.send(.post, "/api/session", json: #"{"username":"amina","password":"a long enough passphrase"}"#)
            #expect(signIn.status == .created)
            #expect(signIn.jsonObject["roles"] as? [String] == ["supervisor", "worker"])
            let users = try await app.send(.get, "/api/users", as: admin)
            let names = (try JSONSerialization.jsonObject(with: Data(users.body.readableBytesView)) as? [[String: Any]])?.compactMap { $0["username"] as? String }
            #expect(names?.contains("amina") == true)
            #expect(!users.text.contains("$2"))
            #expect(try await app.send(.post, "/api/users/u-nobody/disable", json: #"{"reason":"x"}"#, as: admin).status == .notFound)
        }
    }

    @Test func anElectionRunsFromTheCallToTheReceiptCheck() async throws {
        try await Harness.run { app in
            let today = ReadModelAPITests.today
            let meeting = CalendarDate(iso8601: today)!.adding(days: 14).description
            let admin = try await app.signIn(.administrator)
            let applied = try await app.send(
                .post, "/api/members",
                json: #"{"memberId":"m-1","kind":"individual","details":{"displayName":"Rosa Diaz","contact":{}},"eligibility":"citizen"}"#, as: admin)
            #expect(applied.status == .created, "\(applied.text)")
            #expect(try await app.send(.post, "/api/members/m-1/approve", json: "{}", as: admin).status == .created)
            #expect(try await app.send(.post, "/api/members/m-1/dues", json: #"{"amountCents":2500,"termMonths":12}"#, as: admin).status == .created)
            _ = try await app.send(.post, "/api/users", json: #"{"userId":"u-rosa","username":"rosa","displayName":"Rosa","roles":["member"],"memberId":"m-1"}"#, as: admin)
            _ = try await app.send(.post, "/api/users/u-rosa/password", json: #"{"password":"\#(Harness.password)"}"#, as: admin)
            let officer = try await app.signIn(.electionOfficer)
            let called = try await app.send(
                .post, "/api/elections", json: #"{"electionId":"agm","title":"AGM","meetingOn":"\#(meeting)","recordDate":"\#(today)"}"#, as: officer)
            #expect(called.status == .created, "\(called.text)")
            #expect(try await app.send(.post, "/api/elections/agm/positions", json: #"{"positionId":"chair","title":"Chair","seats":1}"#, as: officer).status == .created)
            let nominated = try await app.send(
                .post, "/api/elections/agm/candidates", json: #"{"positionId":"chair","candidateId":"c-1","memberId":"m-1","displayName":"Rosa Diaz"}"#, as: officer)
            #expect(nominated.status == .created, "\(nominated.text)")
            #expect(try await app.send(.post, "/api/elections/agm/roll", json: "{}", as: officer).status == .created)
            #expect(try await app.send(.post, "/api/elections/agm/open", json: "{}", as: officer).status == .created)
            let rosa = try await app.send(.post, "/api/session", json: #"{"username":"rosa","password":"\#(Harness.password)"}"#)
            let cookie = try #require(rosa.headers[values: .setCookie].first { $0.hasPrefix("harbour_session=") })
            let member = Harness.Session(cookie: String(cookie.split(separator: ";")[0]), csrf: try #require(rosa.jsonObject["csrfToken"] as? String))
            let ballot = #"{"selections":[{"positionId":"chair","candidateIds":["c-1"]}]}"#
            let cast = try await app.send(.post, "/api/elections/agm/ballots", json: ballot, as: member)
            #expect(cast.status == .created, "\(cast.text)")
            let code = try #require(cast.jsonObject["receiptCode"] as? String)
            let again = try await app.send(.post, "/api/elections/agm/ballots", json: ballot, as: member)
            #expect(again.status == .conflict, "\(again.text)")
            let forOther = try await app.send(.post, "/api/elections/agm/ballots", json: #"{"voter":"m-2","selections":[]}"#, as: member)
            #expect(forOther.status == .forbidden)
            #expect(try await app.send(.post, "/api/elections/agm/close", json: "{}", as: officer).status == .created)
            let check = try await app.send(.get, "/api/elections/agm/receipts?code=\(code)", as: member)
            #expect(check.jsonObject["recorded"] as? Bool == true, "\(check.text)")
            let wrong = try await app.send(.get, "/api/elections/agm/receipts?code=AAAAA-AAAAA-AAAAA-AAAAA", as: member)
            #expect(wrong.jsonObject["recorded"] as? Bool == false)
            _ = try await app.send(.post, "/api/elections/agm/roll", json: "{}", as: officer)
            let results = try await app.send(.get, "/api/elections/agm", as: officer)
            #expect(results.status == .ok, "\(results.text)")
            #expect(results.jsonObject["voted"] as? Int == 1)
            #expect(try await app.send(.get, "/api/elections/nope", as: officer).status == .notFound)
            let register = try await app.send(.get, "/api/membership?lapsingWithinDays=400", as: admin)
            let members = try #require(register.jsonObject["members"] as? [[String: Any]])
            #expect(members.first?["lapsingSoon"] as? Bool == true)
        }
    }

    @Test func caseCommandsNameTheirBadFields() async throws {
        try await Harness.run { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker)
            let needs = try await app.send(.post, "/api/clients/\(clientId)/needs", json: #"{"needs":[{"domain":"housing","priority":"urgent-ish"}]}"#, as: worker)
            #expect(needs.status == .unprocessableContent || needs.status == .badRequest)
            #expect(needs.problemFields == ["needs[0].priority"])
            let close = try await app.send(.post, "/api/clients/\(clientId)/case/close", json: #"{"reason":7}"#, as: worker)
            #expect(close.status == .badRequest)
            #expect(close.problemFields == ["reason"])
            let void = try await app.send(
                .post, "/api/corrections/void", json: #"{"stream":"client-\#(clientId)","originalEventId":"\#(UUID())","reason":"typo"}"#, as: worker)
            #expect(void.status == .forbidden)
            let correct = try await app.send(
                .post, "/api/corrections/correct",
                json: #"{"stream":"client-\#(clientId)","originalEventId":"\#(UUID())","reason":"typo","replacement":{"eventType":"Nope","payload":{}}}"#, as: worker)
            #expect(correct.problemFields == ["replacement.eventType"])
            let supervisor = try await app.signIn(.supervisor)
            for stream in ["", "client-", "nonsense-1"] {
                let voided = try await app.send(
                    .post, "/api/corrections/void", json: #"{"stream":"\#(stream)","originalEventId":"\#(UUID())","reason":"typo"}"#, as: supervisor)
                #expect(voided.status == .unprocessableContent, "\(stream)")
                #expect(voided.problemFields == ["stream"], "\(stream)")
            }
        }
    }
}
