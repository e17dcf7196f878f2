import Events
import EventStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import Testing

@Suite struct PrivacyAPITests {
    static let given = "Zenobia"
    static let family = "Okonkwo-Lee"

    @Test func anAdministratorAnswersAnAccessRequestThenErasesAfterTheHoldIsReleased() async throws {
        try await Harness.run(sealed: true) { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker, body: Bodies.intake(given: Self.given, family: Self.family))
            #expect(try await app.send(.get, "/api/clients/\(clientId)", as: worker).status == .ok)
            let log = try Data(contentsOf: URL(fileURLWithPath: app.store.directory + "/data.mdb"))
            #expect(log.range(of: Data(Self.family.utf8)) == nil, "the name reached the log in clear")

            let admin = try await app.signIn(.administrator)
            #expect(try await app.send(.get, "/api/clients/\(clientId)/access-request", as: worker).status == .forbidden)
            let export = try await app.send(.get, "/api/clients/\(clientId)/access-request", as: admin)
            #expect(export.status == .ok)
            let exported = String(buffer: export.body)
            #expect(exported.contains(Self.family))
            #expect(exported.contains("\"views\""))
            let page = try await app.send(.get, "/clients/\(clientId)/access-request", as: admin)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("Everything held about client \(clientId)"))

            let accountant = try await app.signIn(.accountant)
            let hold = try await app.send(
                .post, "/api/clients/\(clientId)/holds", json: #"{"holdId":"ircc-2025","reason":"IRCC contract retention"}"#, as: accountant)
            #expect(hold.status == .created)
            let blocked = try await app.send(.post, "/api/clients/\(clientId)/erasure", json: #"{"reference":"PR-7"}"#, as: admin)
            #expect(blocked.status == .conflict)
            #expect(String(buffer: blocked.body).contains("is under legal hold ircc-2025"))
            #expect(try await app.send(.post, "/api/clients/\(clientId)/erasure", json: #"{"reference":"PR-7"}"#, as: worker).status == .forbidden)
            let release = try await app.send(.post, "/api/clients/\(clientId)/holds/ircc-2025/release", json: "{}", as: admin)
            #expect(release.status == .created)
            let erased = try await app.send(.post, "/api/clients/\(clientId)/erasure", json: #"{"reference":"PR-7"}"#, as: admin)
            #expect(erased.status == .ok)
            #expect(erased.jsonObject["clientId"] as? String == clientId)
            let again = try await app.send(.post, "/api/clients/\(clientId)/erasure", json: #"{"reference":"PR-7"}"#, as: admin)
            #expect(again.status == .conflict)

            let after = try await app.send(.get, "/api/clients/\(clientId)/access-request", as: admin)
            let afterText = String(buffer: after.body)
            #expect(!afterText.contains(Self.family))
            #expect(afterText.contains("\"erased\":true"))
            #expect(afterText.contains("PersonalDataErased"))
        }
    }

    @Test func erasureWithoutKeysIsAConflictAndChangesNothing() async throws {
        try await Harness.run { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker)
            let admin = try await app.signIn(.administrator)
            let head = app.store.headPosition
            let refused = try await app.send(.post, "/api/clients/\(clientId)/erasure", json: #"{"reference":"PR-8"}"#, as: admin)
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("no key ring"))
            #expect(app.store.headPosition == head)
        }
    }
}
