import Casework
import Events
import Foundation
import HTTPTypes
import Server
import Testing

/// The README's access matrix is generated from the code, and the route table may not grant a
/// write route to roles other than Casework's table does for the commands behind it.
@Suite struct AccessMatrixTests {
    static let readmeURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    @Test func theReadmeMatrixMatchesTheCode() throws {
        let readme = try String(contentsOf: Self.readmeURL, encoding: .utf8)
        let begin = try #require(readme.range(of: AccessMatrix.beginMarker), "README.md has no access matrix")
        let end = try #require(readme.range(of: AccessMatrix.endMarker + "\n", range: begin.upperBound..<readme.endIndex))
        let committed = String(readme[begin.lowerBound..<end.upperBound])
        let generated = AccessMatrix.markdown()
        if committed != generated {
            try readme.replacingCharacters(in: begin.lowerBound..<end.upperBound, with: generated)
                .write(to: Self.readmeURL, atomically: true, encoding: .utf8)
            Issue.record("the README's access matrix was stale and has been regenerated: review and commit it")
        }
    }

    /// Write routes whose access is a role set rather than one command: the commands each may
    /// issue. Their roles must be exactly those Casework allows for some of these commands.
    static let multiCommandRoutes: [RouteKey: [CommandName]] = [
        RouteKey(.post, "/referrals/:referralId/move"): [.acceptReferral, .declineReferral, .completeReferral, .cancelReferral],
        RouteKey(.post, "/api/corrections/correct"): [.correctEvent],
        RouteKey(.post, "/api/corrections/void"): [.voidEvent],
        RouteKey(.post, "/clients/:clientId/corrections/:eventId/correct"): [.correctEvent],
        RouteKey(.post, "/clients/:clientId/corrections/:eventId/void"): [.voidEvent],
    ]
    /// Write routes that issue no command.
    static let nonCommandWrites: Set<String> = ["/api/session", "/login", "/logout", "/api/verification", "/admin/verification"]

    @Test func everyWriteRouteTakesItsRolesFromCaseworksTable() {
        for (key, access) in RouteAccess.table where key.method == .post || key.method == .delete {
            if case .command = access { continue }
            if Self.nonCommandWrites.contains(key.path) { continue }
            guard let commands = Self.multiCommandRoutes[key] else {
                Issue.record("\(key) is a write route with its own role set: give it .command(name) or list the commands it issues")
                continue
            }
            let expected = Set(commands.flatMap { AccessMatrix.rolesIssuing($0) })
            #expect(access.allowedRoles == expected, "\(key)")
        }
    }

    @Test func whoeverReadsAClientFileMayRecordTheView() {
        let viewers = RolePolicy.roles(for: .recordFileView)
        for (key, access) in RouteAccess.table where key.method == .get && key.path.contains(":clientId") {
            let allowed = access.allowedRoles ?? []
            #expect(!allowed.isEmpty && allowed.isSubset(of: viewers), "\(key)")
        }
    }

    @Test func theMatrixHasARowForEveryCommandAndEveryOtherRoute() {
        let text = AccessMatrix.markdown()
        for name in CommandName.allCases { #expect(text.contains("| \(name.rawValue) |")) }
        #expect(text.contains("| eraseClient |  |  |  | ✓ |  |  |"))
        #expect(text.contains("| castBallot |  |  |  |  | ✓ | ✓ |"))
        #expect(text.contains("| `GET /api/audit` |  |  |  | ✓ |  |  |"))
    }
}
