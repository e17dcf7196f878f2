import Events
import EventStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import Testing

@Suite struct ClientAPITests {
    /// Registers a client and returns its id.
    static func register(_ app: Harness, _ session: Harness.Session, body: String = Bodies.intake()) async throws -> String {
        let response = try await app.send(.post, "/api/clients", json: body, as: session)
        #expect(response.status == .created)
        let stream = try #require(response.jsonObject["streamId"] as? String)
        return String(stream.dropFirst("client-".count))
    }

    @Test func intakeAppendsOneEventCorrelatedWithTheRequest() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            let response = try await app.send(.post, "/api/clients", json: Bodies.intake(), as: session)
            #expect(response.status == .created)
            #expect(response.headers[.eTag] == "\"0\"")
            let stream = try #require(response.jsonObject["streamId"] as? String)
            let events = try app.events(stream)
            #expect(events.map(\.eventType) == ["ClientRegistered"])
            #expect(events[0].actor == "u-worker")
            let requestId = try #require(response.headers[HTTPField.Name("X-Request-Id")!])
            #expect(events[0].correlationId?.uuidString.lowercased() == requestId)
        }
    }

    @Test func badIntakeBodiesNameTheFieldAndAppendNothing() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            let head = app.store.headPosition
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("[1,2", .badRequest, "body"),
                (Bodies.intake().replacingOccurrences(of: #""dateOfBirth":"1988-03-14""#, with: #""dateOfBirth":5"#), .badRequest, "dateOfBirth"),
                (Bodies.intake().replacingOccurrences(of: #""gender":"female","#, with: ""), .unprocessableContent, "gender"),
                (Bodies.intake().replacingOccurrences(of: #""female""#, with: #""robot""#), .unprocessableContent, "gender"),
                (Bodies.intake(born: "2999-01-01"), .unprocessableContent, "dateOfBirth"),
                (Bodies.intake().replacingOccurrences(of: #""privacyStatement":true"#, with: #""privacyStatement":"yes""#), .badRequest, "consents.privacyStatement"),
            ]
            for (body, status, field) in cases {
                let response = try await app.send(.post, "/api/clients", json: body, as: session)
                #expect(response.status == status, "\(field)")
                #expect(response.problemFields == [field], "\(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            #expect(app.store.headPosition == head)
        }
    }

    @Test func aLikelyDuplicateIsRefusedUntilAReasonIsGiven() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            _ = try await Self.register(app, session)
            let duplicate = try await app.send(.post, "/api/clients", json: Bodies.intake(given: "amira ", family: "HADDAD"), as: session)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.problemFields == ["givenNames"])
            let overridden = try await app.send(
                .post, "/api/clients", json: Bodies.intake(extra: #","duplicateOverrideReason":"Different person, same name""#), as: session)
            #expect(overridden.status == .created)
        }
    }

    @Test func aRetriedWriteWithTheSameIdempotencyKeyAppendsOnce() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            let key = UUID()
            let headers: HTTPFields = [HTTPField.Name("Idempotency-Key")!: key.uuidString]
            let first = try await app.send(.post, "/api/clients", json: Bodies.intake(), as: session, headers: headers)
            let second = try await app.send(.post, "/api/clients", json: Bodies.intake(), as: session, headers: headers)
            #expect(first.status == .created)
            #expect(second.status == .ok)
            #expect(second.jsonObject["replayed"] as? Bool == true)
            #expect(first.jsonObject["streamId"] as? String == second.jsonObject["streamId"] as? String)
            let stream = try #require(first.jsonObject["streamId"] as? String)
            let events = try app.events(stream)
            #expect(events.count == 1)
            #expect(events[0].eventId == key)
            let bad = try await app.send(.post, "/api/clients", json: Bodies.intake(), as: session, headers: [HTTPField.Name("Idempotency-Key")!: "x"])
            #expect(bad.status == .badRequest)
            #expect(bad.problemFields == ["Idempotency-Key"])
        }
    }

    @Test func aStaleIfMatchIs409WithTheCurrentVersion() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            let clientId = try await Self.register(app, session)
            let stale = try await app.send(
                .post, "/api/clients/\(clientId)/services", json: Bodies.service, as: session, headers: [.ifMatch: "\"5\""])
            #expect(stale.status == .conflict)
            #expect(stale.problemFields == ["If-Match"])
            #expect(stale.jsonObject["currentVersion"] as? Int == 0)
            let fresh = try await app.send(
                .post, "/api/clients/\(clientId)/services", json: Bodies.service, as: session, headers: [.ifMatch: "\"0\""])
            #expect(fresh.status == .created)
            #expect(fresh.jsonObject["streamVersion"] as? Int == 1)
        }
    }

    @Test func aViewThatGivesNoPurposeRecordsTheUsualOneOfTheViewersRoles() async throws {
        try await Harness.run { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await Self.register(app, worker)
            let purpose = { (record: RecordedEvent?) in
                record.flatMap { try? JSONSerialization.jsonObject(with: Data($0.payload)) as? [String: Any] }?["purpose"] as? String
            }
            for (role, expected) in [(Role.worker, "casework"), (.supervisor, "supervision"), (.accountant, "reporting"), (.administrator, "audit")] {
                let session = try await app.signIn(role)
                #expect(try await app.send(.get, "/clients/\(clientId)", as: session).status == .ok)
                #expect(purpose(try app.fileViews(clientId).last) == expected, "the page, as \(role)")
                #expect(try await app.send(.get, "/api/clients/\(clientId)/file", as: session).status == .ok)
                #expect(purpose(try app.fileViews(clientId).last) == expected, "the API, as \(role)")
            }
            // A purpose given is the one recorded, whoever gives it.
            #expect(try await app.send(.get, "/clients/\(clientId)?purpose=privacyRequest", as: worker).status == .ok)
            #expect(purpose(try app.fileViews(clientId).last) == "privacyRequest")
            #expect(try await app.send(.get, "/clients/\(clientId)?purpose=gossip", as: worker).status == .badRequest)
        }
    }

    @Test func viewingAFileAppendsAFileViewedEvent() async throws {
        try await Harness.run { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await Self.register(app, worker)
            let accountant = try await app.signIn(.accountant)
            let file = try await app.send(.get, "/api/clients/\(clientId)/file?purpose=reporting", as: accountant)
            #expect(file.status == .ok)
            let views = try app.fileViews(clientId)
            #expect(views.count == 1)
            #expect(views.first?.actor == "u-accountant")
            #expect(views.first.map { String(decoding: $0.payload, as: UTF8.self).contains("reporting") } == true)
            let entries = try #require(file.jsonObject["entries"] as? [[String: Any]])
            #expect(entries.map { $0["eventType"] as? String } == ["ClientRegistered"])
            let recent = try #require((file.jsonObject["views"] as? [String: Any])?["recent"] as? [[String: Any]])
            #expect(recent.map { $0["actor"] as? String } == ["u-accountant"])
            #expect((recent.first?["payload"] as? [String: Any])?["purpose"] as? String == "reporting")
            let client = try await app.send(.get, "/api/clients/\(clientId)", as: worker)
            #expect(client.status == .ok)
            #expect((client.jsonObject["personal"] as? [String: Any])?["givenNames"] as? String == "Amira")
            #expect(try app.fileViews(clientId).count == 2)
        }
    }

    @Test func unknownClientsAre404AndBadPurposesAre400() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            let head = app.store.headPosition
            let missing = try await app.send(.get, "/api/clients/nobody/file", as: session)
            #expect(missing.status == .notFound)
            #expect(missing.problemFields == ["clientId"])
            let service = try await app.send(.post, "/api/clients/nobody/services", json: Bodies.service, as: session)
            #expect(service.status == .notFound)
            #expect(app.store.headPosition == head)
            let clientId = try await Self.register(app, session)
            let purpose = try await app.send(.get, "/api/clients/\(clientId)?purpose=curiosity", as: session)
            #expect(purpose.status == .badRequest)
            #expect(purpose.problemFields == ["purpose"])
        }
    }

    @Test func servicesAreRecordedAndFollowUpsNeedAnOpenCase() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            let clientId = try await Self.register(app, session)
            #expect(try await app.send(.post, "/api/clients/\(clientId)/services", json: Bodies.service, as: session).status == .created)
            let followUp = try await app.send(
                .post, "/api/clients/\(clientId)/follow-ups", json: #"{"dueOn":"2030-01-15","purpose":"Check housing"}"#, as: session)
            // No case is open yet (the API has no open-case route this session): Casework refuses.
            #expect(followUp.status == .conflict)
            #expect(followUp.problemFields.count == 1)
            let minutes = try await app.send(
                .post, "/api/clients/\(clientId)/services", json: Bodies.service.replacingOccurrences(of: "45", with: "\"long\""), as: session)
            #expect(minutes.status == .badRequest)
            #expect(minutes.problemFields == ["minutes"])
            let types = try app.events("client-\(clientId)").map(\.eventType)
            #expect(types.contains("ServiceDelivered"))
            #expect(!types.contains("FollowUpScheduled"))
        }
    }

    @Test func aReferralIsMadeAcceptedAndCompleted() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            let clientId = try await Self.register(app, session)
            let made = try await app.send(
                .post, "/api/referrals",
                json: #"{"referralId":"r-1","clientId":"\#(clientId)","target":{"kind":"internalProgram","programName":"Job club"},"needDomain":"employment"}"#,
                as: session)
            #expect(made.status == .created, "\(made.text)")
            let decline = try await app.send(.post, "/api/referrals/r-1/decline", json: "{}", as: session)
            #expect(decline.status == .unprocessableContent)
            #expect(decline.problemFields == ["reason"])
            #expect(try await app.send(.post, "/api/referrals/r-1/accept", json: "{}", as: session).status == .created)
            #expect(try await app.send(.post, "/api/referrals/r-1/complete", json: #"{"note":"Placed"}"#, as: session).status == .created)
            let cancel = try await app.send(.post, "/api/referrals/r-1/cancel", json: #"{"reason":"Moved"}"#, as: session)
            #expect(cancel.status == .conflict)
            #expect(try app.events("referral-r-1").map(\.eventType) == ["ReferralMade", "ReferralAccepted", "ReferralCompleted"])
            #expect(try await app.send(.post, "/api/referrals/r-9/accept", json: "{}", as: session).status == .notFound)
        }
    }

    @Test func searchFindsByNameUCIAndBirthDate() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            _ = try await Self.register(app, session)
            _ = try await Self.register(app, session, body: Bodies.intake(given: "Olga", family: "Kovalenko", born: "1975-06-01"))
            let byName = try await app.send(.get, "/api/clients?name=hadd", as: session)
            let found = try #require(try JSONSerialization.jsonObject(with: Data(byName.body.readableBytesView)) as? [[String: Any]])
            #expect(found.count == 1)
            let byBirth = try await app.send(.get, "/api/clients?dateOfBirth=1975-06-01", as: session)
            #expect((try JSONSerialization.jsonObject(with: Data(byBirth.body.readableBytesView)) as? [Any])?.count == 1)
            let bad = try await app.send(.get, "/api/clients?dateOfBirth=June", as: session)
            #expect(bad.status == .badRequest)
            #expect(bad.problemFields == ["dateOfBirth"])
        }
    }
}
