import Casework
import Events
import Foundation
import Hummingbird

/// The administrator's users and roles: create, grant and revoke, disable.
struct UserPages {
    let services: AppServices

    var endpoints: [Endpoint] {
        [
            Endpoint(RouteKey(.get, "/admin/users"), .init(.page, "Users and their roles.", responses: [200: "Page"]), handler: { _, context in try await page(context, values: [:], problems: [], status: .ok) }),
            Endpoint(RouteKey(.post, "/admin/users"), .init(.page, "Create a user with roles and a password.", requestMediaType: PageForm.mediaType, responses: PageForm.answers), handler: create),
            Endpoint(RouteKey(.post, "/admin/users/:userId/roles"), .init(.page, "Grant or revoke a role.", requestMediaType: PageForm.mediaType, responses: PageForm.answers), handler: role),
            Endpoint(RouteKey(.post, "/admin/users/:userId/disable"), .init(.page, "Disable a user.", requestMediaType: PageForm.mediaType, responses: PageForm.answers), handler: disable),
        ]
    }

    func page(_ context: AppRequestContext, values: [String: Any], problems: [FieldProblem], status: HTTPResponse.Status) async throws -> Response {
        var page = values
        page["users"] = try services.accounts.all().map { account -> [String: Any] in
            [
                "userId": account.userId.rawValue, "username": account.username, "displayName": account.displayName,
                "roles": account.roles.sorted().map { Plain.words($0.rawValue) }.joined(separator: ", "), "disabled": account.isDisabled,
                "hasPassword": account.passwordHash != nil, "allRoles": Plain.options(Role.codes),
            ]
        }
        page["roleChoices"] = Role.codes.map { code in ["code": code, "label": Plain.words(code), "checked": (values["roles"] as? [String])?.contains(code) == true] }
        return services.pages.render("users", title: "Users and roles", values: page, context: context, problems: problems, status: status)
    }

    @Sendable func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        let roles = Role.codes.filter { form["role-\($0)"] == "yes" }
        let echoed: [String: Any] = ["username": form["username"] ?? "", "newDisplayName": form["displayName"] ?? "", "roles": roles]
        return try await PageForm.post(redirect: "/admin/users") {
            let username = form["username"] ?? ""
            guard !roles.isEmpty else {
                throw ProblemDetails(.unprocessableContent, detail: "Choose at least one role.", errors: [FieldProblem(field: "roles", problem: "has none chosen")])
            }
            let password = form.values["password"] ?? ""
            try UserAPI.check(password)
            let body = try FormDecoding.decode(UserAPI.CreateBody.self, ["username": username, "displayName": form["displayName"] ?? "", "roles": roles])
            let write = WriteRequest(services: services)
            let userId = UserID("u-" + username.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" })
            let command = CreateUser(actor: context.actor, userId: userId, username: body.username, displayName: body.displayName, roles: body.roles)
            _ = try await write.run(command, context)
            let hash = await services.hasher.hash(password)
            _ = try await write.run(SetPassword(actor: context.actor, userId: userId, passwordHash: hash), context)
        } rerender: { problems, status in
            try await page(context, values: echoed, problems: problems, status: status)
        }
    }

    @Sendable func role(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/admin/users") {
            guard let role = form["role"].flatMap(Role.init(rawValue:)) else {
                throw ProblemDetails(.unprocessableContent, detail: "Choose a role.", errors: [FieldProblem(field: "role", problem: "is not one of \(Role.codes.joined(separator: ", "))")])
            }
            let write = WriteRequest(services: services)
            let userId = try context.userId()
            if form["action"] == "revoke" {
                _ = try await write.run(RevokeRole(actor: context.actor, userId: userId, role: role), context)
            } else {
                _ = try await write.run(GrantRole(actor: context.actor, userId: userId, role: role), context)
            }
        } rerender: { problems, status in
            try await page(context, values: [:], problems: problems, status: status)
        }
    }

    @Sendable func disable(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = PageForm.fields(context)
        return try await PageForm.post(redirect: "/admin/users") {
            _ = try await WriteRequest(services: services).run(DisableUser(actor: context.actor, userId: try context.userId(), reason: form["reason"] ?? ""), context)
        } rerender: { problems, status in
            try await page(context, values: [:], problems: problems, status: status)
        }
    }
}
