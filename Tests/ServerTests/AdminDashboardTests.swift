import EventStore
import Events
import Foundation
import HTTPTypes
import HummingbirdTesting
import Projections
@testable import Server
import Testing

/// An administrator's home says at a glance whether the log was found intact, whether the read
/// models are up to date, and who in the society needs attention; nobody else's home does.
@Suite struct AdminDashboardTests {
    static let application = #"{"memberId":"m-1","kind":"individual","details":{"displayName":"Rosa Diaz","contact":{}},"eligibility":"citizen"}"#

    @Test func anAdministratorsHomeSaysWhereTheLogTheModelsAndTheMembersStand() async throws {
        try await Harness.run { app in
            let admin = try await app.signIn(.administrator)
            #expect(try await app.send(.post, "/api/members", json: Self.application, as: admin).status == .created)
            #expect(try await app.send(.post, "/api/members", json: Self.application.replacingOccurrences(of: "m-1", with: "m-2"), as: admin).status == .created)
            #expect(try await app.send(.post, "/api/members/m-2/approve", json: "{}", as: admin).status == .created)
            #expect(try await app.send(.post, "/api/members/m-2/dues", json: #"{"amountCents":2500,"termMonths":12}"#, as: admin).status == .created)
            let head = app.store.headPosition
            try await app.services.projections.waitUntilApplied(head)

            let before = try await app.send(.get, "/", as: admin)
            #expect(before.status == .ok)
            #expect(before.text.contains("<strong>The log:</strong> \(head) events."))
            #expect(before.text.contains("Not checked since the server started."))
            #expect(before.text.contains("<strong>Read models:</strong> all up to date with the log."))
            #expect(before.text.contains("1 in good standing, 1 applications waiting, 0 lapsing in the next 30 days."))

            await app.services.verification.start()
            try await app.services.verification.waitUntilIdle()
            let after = try await app.send(.get, "/", as: admin)
            #expect(after.text.contains("Last checked intact: \(head) events, finished"))
            #expect(!after.text.contains("Not checked since the server started."))

            // Sections show for any string, empty or not: none is left empty.
            let register = try await app.send(.get, "/membership", as: admin)
            #expect(register.text.contains("Rosa Diaz"))
            #expect(!register.text.contains("represented by"), "individuals have no representative")
            let bySetup = try await app.send(.get, "/admin/audit?actor=setup", as: admin)
            #expect(bySetup.text.contains("<td>setup</td>"), "an actor with no account is shown once, as recorded")

            let accountant = try await app.signIn(.accountant)
            let elsewhere = try await app.send(.get, "/", as: accountant)
            #expect(elsewhere.status == .ok)
            #expect(!elsewhere.text.contains("At a glance"))
        }
    }
}
