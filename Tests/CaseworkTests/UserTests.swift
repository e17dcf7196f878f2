@testable import Casework
import Events
import Testing

@Suite struct UserTests {
    let user = UserID("u-1")
    let hash = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"

    func create(username: String = "fatima") -> CreateUser {
        CreateUser(actor: administrator, userId: user, username: username, displayName: "Fatima", roles: [.worker], memberId: nil)
    }

    @Test func usernameMustBeWellFormedAndFree() throws {
        expectRefused(.validation, field: "username", problem: "must be 3 to 32 of a-z") { _ = try decide(create(username: "Fa"), facts: nil) }
        expectRefused(.conflict, field: "username", problem: "is taken by user u-9") { _ = try decide(create(), facts: UserID("u-9")) }
        _ = try decide(create(), facts: nil)
    }

    @Test func onlyHashesAreStored() throws {
        let history = try decide(create(), facts: nil)
        expectRefused(.validation, field: "passwordHash", problem: "is not a PHC-format hash") {
            _ = try decide(SetPassword(actor: administrator, userId: user, passwordHash: "correct horse battery staple"), after: history)
        }
        _ = try decide(SetPassword(actor: administrator, userId: user, passwordHash: hash), after: history)
    }

    @Test func usersMaySetTheirOwnPasswordButNoOneElses() throws {
        let history = try decide(create(), facts: nil)
        let me = ActingUser(userId: user, role: .worker)
        _ = try decide(SetPassword(actor: me, userId: user, passwordHash: hash), after: history)
        expectRefused(.forbidden, field: "actor", problem: "u-worker may not setPassword") {
            _ = try decide(SetPassword(actor: worker, userId: user, passwordHash: hash), after: history)
        }
    }

    @Test func rolesAreGrantedAndRevokedOnce() throws {
        var history = try decide(create(), facts: nil)
        expectRefused(.conflict, field: "role", problem: "worker is already held") {
            _ = try decide(GrantRole(actor: administrator, userId: user, role: .worker), after: history)
        }
        history += try decide(GrantRole(actor: administrator, userId: user, role: .supervisor), after: history)
        history += try decide(RevokeRole(actor: administrator, userId: user, role: .supervisor), after: history)
        #expect(UserState.folded(history).roles == [.worker])
        expectRefused(.conflict, field: "role", problem: "supervisor is not held") {
            _ = try decide(RevokeRole(actor: administrator, userId: user, role: .supervisor), after: history)
        }
    }

    @Test func administratorsCannotLockThemselvesOut() throws {
        let adminUser = UserCreated(userId: administrator.userId, username: "admin", displayName: "A", roles: [.administrator], memberId: nil)
        expectRefused(.conflict, field: "role", problem: "administrator cannot be revoked from yourself") {
            _ = try decide(RevokeRole(actor: administrator, userId: administrator.userId, role: .administrator), after: [adminUser])
        }
        expectRefused(.conflict, field: "userId", problem: "is yourself") {
            _ = try decide(DisableUser(actor: administrator, userId: administrator.userId, reason: "x"), after: [adminUser])
        }
    }

    @Test func disabledUsersCannotChange() throws {
        var history = try decide(create(), facts: nil)
        history += try decide(DisableUser(actor: administrator, userId: user, reason: "Left"), after: history)
        expectRefused(.conflict, field: "userId", problem: "is disabled (u-1)") {
            _ = try decide(GrantRole(actor: administrator, userId: user, role: .supervisor), after: history)
        }
    }
}
