import Casework
import Events
import Hummingbird

/// Accounts: create, grant and revoke roles, set a password, disable.
struct UserAPI {
    let services: AppServices

    struct CreateBody: Decodable { let userId: UserID?; let username: String; let displayName: String; let roles: [Role]; let memberId: MemberID? }
    struct RoleBody: Decodable { let role: Role }
    struct PasswordBody: Decodable { let password: String }
    struct DisableBody: Decodable { let reason: String }

    static let create = JSONSchema.object(
        properties: ["userId": .string(), "username": .string(), "displayName": .string(), "roles": .array(.oneOf(Role.codes)), "memberId": .string()],
        required: ["username", "displayName", "roles"])
    static let role = JSONSchema.object(properties: ["role": .oneOf(Role.codes)], required: ["role"])

    static let commandRoutes: [CommandRoute] = [
        CommandRoute(RouteKey(.post, "/api/users"), "Create an account with roles (then set its password).", schema: Self.create) {
            (b: CreateBody, c, d) in
            CreateUser(
                actor: c.actor, userId: b.userId ?? UserID("u-" + b.username.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }),
                username: b.username, displayName: b.displayName, roles: b.roles, memberId: b.memberId)
        },
        CommandRoute(RouteKey(.post, "/api/users/:userId/roles/grant"), "Grant a role.", schema: Self.role) { (b: RoleBody, c, _) in
            GrantRole(actor: c.actor, userId: try c.userId(), role: b.role)
        },
        CommandRoute(RouteKey(.post, "/api/users/:userId/roles/revoke"), "Revoke a role.", schema: Self.role) { (b: RoleBody, c, _) in
            RevokeRole(actor: c.actor, userId: try c.userId(), role: b.role)
        },
        CommandRoute(
            RouteKey(.post, "/api/users/:userId/disable"), "Disable an account: it can no longer sign in and its sessions end.",
            schema: .object(properties: ["reason": .string()], required: ["reason"])
        ) { (b: DisableBody, c, _) in DisableUser(actor: c.actor, userId: try c.userId(), reason: b.reason) },
    ]

    var endpoints: [Endpoint] {
        Self.commandRoutes.map { $0.endpoint(services) } + [
            Endpoint(
                RouteKey(.post, "/api/users/:userId/password"),
                .init(.api, "Set an account's password (12 to 72 bytes); stored only as a bcrypt hash.", requestBody: .object(properties: ["password": .string()], required: ["password"]), responses: CommandRoute.answers),
                handler: setPassword),
        ]
    }

    @Sendable func setPassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try await RequestDecoding.json(PasswordBody.self, from: &request)
        try Self.check(body.password)
        let write = try WriteRequest(request, services: services)
        let hash = await services.hasher.hash(body.password)
        return try JSONResponse.written(try await write.run(SetPassword(actor: context.actor, userId: try context.userId(), passwordHash: hash), context))
    }

    /// Refuses passwords bcrypt would weaken or truncate, naming the field.
    static func check(_ password: String, field: String = "password") throws {
        if password.count < PasswordHasher.passwordCharactersMin {
            throw ProblemDetails(
                .unprocessableContent, detail: "The password is too short.",
                errors: [FieldProblem(field: field, problem: "is \(password.count) characters; use at least \(PasswordHasher.passwordCharactersMin)")])
        }
        if password.utf8.count > PasswordHasher.passwordBytesMax {
            throw ProblemDetails(
                .unprocessableContent, detail: "The password is too long for bcrypt.",
                errors: [FieldProblem(field: field, problem: "is \(password.utf8.count) bytes; bcrypt reads at most \(PasswordHasher.passwordBytesMax)")])
        }
    }
}
