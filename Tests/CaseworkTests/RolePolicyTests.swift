@testable import Casework
import Events
import Testing

@Suite struct RolePolicyTests {
    @Test func everyCommandButCorrectionsHasSomeRole() {
        for name in CommandName.allCases where name != .correctEvent && name != .voidEvent {
            #expect(!RolePolicy.roles(for: name).isEmpty, "\(name) has no role")
        }
    }

    @Test func membersMayOnlyVote() {
        let memberCommands = CommandName.allCases.filter { RolePolicy.roles(for: $0).contains(.member) }
        #expect(memberCommands == [.castBallot])
    }

    @Test func accountantsKeepToMoneyAndReports() {
        let accountantCommands = Set(CommandName.allCases.filter { RolePolicy.roles(for: $0).contains(.accountant) })
        #expect(accountantCommands == [.signContract, .amendContract, .recordDues, .recordFileView, .placeLegalHold])
    }

    @Test func anyOfSeveralRolesSuffices() throws {
        let both = ActingUser(userId: UserID("u-x"), roles: [.accountant, .worker])
        _ = try decide(registerClient(actor: both), facts: DuplicateMatches())
    }
}
