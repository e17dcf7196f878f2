import Casework
import Events
import EventStore
import Foundation
import HarbourTestSupport
import Server
import Testing

@Suite struct FirstAdministratorTests {
    static let utc = TimeZone(identifier: "UTC")!

    @Test func theFirstStartCreatesAnAdministratorOnce() async throws {
        try await withTemporaryStore { store in
            let created = try await FirstAdministrator.ensure(store: store, timeZone: Self.utc, bcryptCost: 4, password: nil)
            let password = try #require(created?.generatedPassword)
            #expect(password.count == FirstAdministrator.generatedPasswordCharacters)
            let account = try #require(try await AccountDirectory(log: store).account(username: "admin"))
            #expect(account.roles == [.administrator])
            #expect(await PasswordHasher(cost: 4).verify(password, hash: try #require(account.passwordHash)))
            #expect(try await FirstAdministrator.ensure(store: store, timeZone: Self.utc, bcryptCost: 4, password: nil) == nil)
        }
    }

    @Test func aChosenPasswordIsUsedAndNotEchoed() async throws {
        try await withTemporaryStore { store in
            let created = try await FirstAdministrator.ensure(store: store, timeZone: Self.utc, bcryptCost: 4, password: "harbour-admin-2026")
            #expect(created?.username == "admin")
            #expect(created?.generatedPassword == nil)
        }
    }

    @Test func aShortChosenPasswordIsRefusedAndNothingIsCreated() async throws {
        try await withTemporaryStore { store in
            await #expect(throws: ProblemDetails.self) {
                try await FirstAdministrator.ensure(store: store, timeZone: Self.utc, bcryptCost: 4, password: "short")
            }
            #expect(store.headPosition == 0)
        }
    }
}

@Suite struct LoginThrottleTests {
    final class Clock: @unchecked Sendable { var now = Date(timeIntervalSince1970: 1_000_000) }

    @Test func waitsDoubleAfterTheFreeFailuresAndExpire() {
        let clock = Clock()
        let limits = LoginThrottle.Limits(accountFailuresFree: 2, addressFailuresFree: 100, waitSecondsInitial: 10, waitSecondsMax: 25, memorySeconds: 3600)
        let throttle = LoginThrottle(limits: limits, clock: { clock.now })
        throttle.recordFailure(username: "a", address: "ip")
        #expect(throttle.waitSeconds(username: "a", address: "ip") == 0)
        throttle.recordFailure(username: "a", address: "ip")
        #expect(throttle.waitSeconds(username: "a", address: "ip") == 10)
        throttle.recordFailure(username: "a", address: "ip")
        #expect(throttle.waitSeconds(username: "a", address: "ip") == 20)
        throttle.recordFailure(username: "a", address: "ip")
        #expect(throttle.waitSeconds(username: "a", address: "ip") == 25)
        clock.now += 25
        #expect(throttle.waitSeconds(username: "a", address: "ip") == 0)
        throttle.recordSuccess(username: "a")
        #expect(throttle.waitSeconds(username: "a", address: "ip") == 0)
    }

    @Test func oneAddressFailingAcrossAccountsWaits() {
        let limits = LoginThrottle.Limits(accountFailuresFree: 100, addressFailuresFree: 3, waitSecondsInitial: 10)
        let throttle = LoginThrottle(limits: limits)
        for name in ["a", "b", "c"] { throttle.recordFailure(username: name, address: "ip") }
        #expect(throttle.waitSeconds(username: "d", address: "ip") > 0)
        #expect(throttle.waitSeconds(username: "d", address: "other") == 0)
    }
}

@Suite struct DemoAdministratorTests {
    @Test func aGeneratedAdminWithoutAPasswordIsGivenOne() async throws {
        try await withTemporaryStore { store in
            let service = Casework.CaseworkService(log: store, timeZone: FirstAdministratorTests.utc)
            let actor = Casework.ActingUser(userId: UserID("u-admin"), role: .administrator)
            try await service.execute(
                Casework.CreateUser(actor: actor, userId: UserID("u-admin"), username: "admin", displayName: "Admin", roles: [.administrator]))
            try await service.execute(
                Casework.CreateUser(actor: actor, userId: UserID("u-w"), username: "worker1", displayName: "W", roles: [.worker]))
            let created = try await FirstAdministrator.ensure(store: store, timeZone: FirstAdministratorTests.utc, bcryptCost: 4, password: "a-long-enough-secret")
            #expect(created?.username == "admin")
            let admin = try #require(try AccountDirectory(log: store).account(UserID("u-admin")))
            #expect(admin.passwordHash != nil)
            let given = try await FirstAdministrator.setMissingPasswords(store: store, timeZone: FirstAdministratorTests.utc, bcryptCost: 4, password: "a-long-enough-secret")
            #expect(given == ["worker1"])
        }
    }
}
