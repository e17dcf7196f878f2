import Casework
import Events
import EventStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import Testing

/// Every route in the one access table, called by every role.
@Suite struct AccessTableTests {
    /// A path with its parameters filled with ids that exist nowhere.
    static func concrete(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { $0.hasPrefix(":") ? "nobody" : String($0) }
            .joined(separator: "/")
    }

    static let routes = RouteAccess.table.keys.sorted { $0.description < $1.description }

    @Test(arguments: routes)
    func everyRoleGetsInExactlyWhenTheTableSaysSo(route: RouteKey) async throws {
        try await Harness.run { app in
            let access = RouteAccess.access(for: route)
            for role in Role.allCases {
                let session = try await app.signIn(role)
                let response = try await app.send(route.method, Self.concrete(route.path), json: "{}", as: session)
                let allowed = access.allowedRoles.map { $0.contains(role) } ?? true
                if allowed {
                    #expect(response.status != .forbidden && response.status != .unauthorized, "\(route) as \(role): \(response.text)")
                } else {
                    #expect(response.status == .forbidden, "\(route) as \(role)")
                    #expect(response.problemFields == ["role"])
                }
                #expect(response.status.code < 500, "\(route) as \(role): \(response.text)")
            }
        }
    }

    @Test(arguments: routes)
    func withoutASessionOnlyOpenRoutesAnswer(route: RouteKey) async throws {
        try await Harness.run { app in
            let response = try await app.send(route.method, Self.concrete(route.path), json: "{}")
            switch RouteAccess.access(for: route) {
            case .anyone:
                #expect(response.status != .unauthorized && response.status.code < 500, "\(route): \(response.text)")
            default:
                let isPage = !route.path.hasPrefix("/api")
                #expect(response.status == (isPage ? .seeOther : .unauthorized), "\(route)")
                if isPage { #expect(response.headers[.location]?.hasPrefix("/login?next=") == true) }
            }
        }
    }

    @Test func theTableAndTheRegisteredEndpointsAreTheSameRoutes() async throws {
        try await Harness.run { app in
            let registered = Set(allEndpoints(services: app.services).map(\.key))
            #expect(registered == Set(RouteAccess.table.keys))
        }
    }

    @Test func everyCaseworkCommandIsReachableThroughSomeRoute() {
        let routed = Set(RouteAccess.table.values.compactMap { access -> CommandName? in
            if case .command(let name) = access { return name }
            return nil
        })
        // Corrections are open to every role that may correct something (Casework then checks
        // the record's kind); a file view is recorded by reading the file.
        let byRoles: [CommandName: RouteKey] = [
            .correctEvent: RouteKey(.post, "/api/corrections/correct"), .voidEvent: RouteKey(.post, "/api/corrections/void"),
            .recordFileView: RouteKey(.get, "/api/clients/:clientId/file"),
        ]
        for name in CommandName.allCases {
            let reachable = routed.contains(name) || byRoles[name].map { RouteAccess.table[$0] != nil } == true
            #expect(reachable, "\(name) has no route")
        }
    }

    @Test func commandRoutesFollowCaseworksRoleTable() {
        let intake = RouteAccess.access(for: RouteKey(.post, "/api/clients"))
        #expect(intake.allowedRoles == [.worker, .supervisor])
        #expect(RouteAccess.access(for: RouteKey(.get, "/unlisted")).allowedRoles == [])
    }
}

@Suite struct OpenAPITests {
    @Test func theDocumentListsEveryRouteWithItsMethod() async throws {
        try await Harness.run { app in
            let response = try await app.send(.get, "/openapi.json")
            #expect(response.status == .ok)
            #expect(response.jsonObject["openapi"] as? String == "3.1.0")
            let paths = try #require(response.jsonObject["paths"] as? [String: [String: Any]])
            for route in RouteAccess.table.keys {
                let path = route.path.split(separator: "/", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
                #expect(paths[path]?[route.method.rawValue.lowercased()] != nil, "\(route) is missing from /openapi.json")
            }
            let intake = try #require(paths["/api/clients"]?["post"] as? [String: Any])
            let responses = try #require(intake["responses"] as? [String: Any])
            for status in ["201", "400", "401", "403", "409", "422"] { #expect(responses[status] != nil, "POST /api/clients \(status)") }
            let schema = ((intake["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any]
            let required = (schema?["schema"] as? [String: Any])?["required"] as? [String]
            #expect(required?.contains("dateOfBirth") == true)
        }
    }

    @Test func everyStatusARouteAnsweredIsDocumented() async throws {
        try await Harness.run { app in
            let session = try await app.signIn(.worker)
            let document = try await app.send(.get, "/openapi.json").jsonObject["paths"] as? [String: [String: Any]] ?? [:]
            let samples: [(HTTPRequest.Method, String, String, String)] = [
                (.post, "/api/clients", "/api/clients", Bodies.intake()),
                (.post, "/api/clients", "/api/clients", "{"),
                (.post, "/api/clients", "/api/clients", Bodies.intake()),
                (.get, "/api/clients/{clientId}", "/api/clients/nobody", ""),
                (.post, "/api/referrals/{referralId}/accept", "/api/referrals/nobody/accept", "{}"),
            ]
            for (method, documented, uri, body) in samples {
                let response = try await app.send(method, uri, json: body.isEmpty ? nil : body, as: session)
                let answers = (document[documented]?[method.rawValue.lowercased()] as? [String: Any])?["responses"] as? [String: Any]
                #expect(answers?[String(response.status.code)] != nil, "\(method) \(uri) answered \(response.status.code), undocumented")
            }
        }
    }
}
