import Casework
import Events
import EventStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import Testing

@Suite struct SessionTests {
    @Test func signingInSetsAStrictHttpOnlyCookieAndReturnsTheCSRFToken() async throws {
        try await Harness.run { app in
            let response = try await app.send(.post, "/api/session", json: #"{"username":"worker","password":"\#(Harness.password)"}"#)
            #expect(response.status == .created)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("harbour_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))
            #expect((response.jsonObject["csrfToken"] as? String)?.count ?? 0 >= 40)
            #expect(response.jsonObject["roles"] as? [String] == ["worker"])
        }
    }

    @Test func aWrongPasswordIs401NamingThePassword() async throws {
        try await Harness.run { app in
            let response = try await app.send(.post, "/api/session", json: #"{"username":"worker","password":"nope"}"#)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.problemFields == ["password"])
            let unknown = try await app.send(.post, "/api/session", json: #"{"username":"nobody","password":"nope"}"#)
            #expect(unknown.status == .unauthorized)
        }
    }

    @Test func malformedAndIncompleteCredentialsAre400And422() async throws {
        try await Harness.run { app in
            let malformed = try await app.send(.post, "/api/session", json: "{nope")
            #expect(malformed.status == .badRequest)
            #expect(malformed.problemFields == ["body"])
            let wrongType = try await app.send(.post, "/api/session", json: #"{"username":7,"password":"x"}"#)
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.problemFields == ["username"])
            let missing = try await app.send(.post, "/api/session", json: #"{"username":"worker"}"#)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.problemFields == ["password"])
        }
    }

    @Test func repeatedFailuresLockTheAccountEvenForTheRightPassword() async throws {
        try await Harness.run { app in
            for _ in 0..<Harness.configuration.loginThrottle.accountFailuresFree {
                let response = try await app.send(.post, "/api/session", json: #"{"username":"worker","password":"wrong"}"#)
                #expect(response.status == .unauthorized)
            }
            let locked = try await app.send(.post, "/api/session", json: #"{"username":"worker","password":"\#(Harness.password)"}"#)
            #expect(locked.status == .tooManyRequests)
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(locked.problemFields == ["username"])
            // Another account from the same address is not locked by these failures.
            _ = try await app.signIn(.supervisor)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            #expect(try await app.send(.get, "/api/session", as: session).status == .ok)
            #expect(try await app.send(.delete, "/api/session", as: session).status == .noContent)
            let after = try await app.send(.get, "/api/session", as: session)
            #expect(after.status == .unauthorized)
            #expect(after.problemFields == ["session"])
        }
    }

    @Test func aStateChangeWithoutTheCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            let head = app.store.headPosition
            let response = try await app.send(.post, "/api/clients", json: Bodies.intake(), as: session, csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.problemFields == ["csrfToken"])
            #expect(app.store.headPosition == head)
        }
    }

    @Test func aDisabledAccountLosesItsSession() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            let service = Casework.CaseworkService(log: app.store, timeZone: TimeZone(identifier: "UTC")!)
            try await service.execute(
                Casework.DisableUser(
                    actor: .init(userId: UserID("u-administrator"), role: .administrator), userId: UserID("u-worker"), reason: "Left"))
            #expect(try await app.send(.get, "/api/session", as: session).status == .unauthorized)
        }
    }
}
