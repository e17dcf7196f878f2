public import Casework
public import Events
public import HTTPTypes

/// Who may call a route.
public enum Access: Sendable, Hashable {
    /// Anyone, signed in or not (the sign-in page, the OpenAPI document).
    case anyone
    /// Any signed-in user.
    case signedIn
    /// Whoever Casework's role table allows to issue the command.
    case command(CommandName)
    /// Holders of these roles.
    case roles(Set<Role>)

    /// The roles allowed, or nil when no role is needed.
    public var allowedRoles: Set<Role>? {
        switch self {
        case .anyone, .signedIn: nil
        case .command(let name): RolePolicy.roles(for: name)
        case .roles(let roles): roles
        }
    }

    /// True when the route needs a session.
    public var needsSession: Bool { self != .anyone }
}

/// A route's method and path pattern (`/api/clients/:clientId`).
public struct RouteKey: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP method.
    public let method: HTTPRequest.Method
    /// The path with `:name` parameters.
    public let path: String

    /// The route `method path`.
    public init(_ method: HTTPRequest.Method, _ path: String) {
        self.method = method
        self.path = path
    }

    public var description: String { "\(method.rawValue) \(path)" }
}

/// The one table of who may call which route. Every route the server registers must have an
/// entry (a route without one is refused to everybody), and a test walks every entry with
/// every role.
public enum RouteAccess {
    /// Staff who may read a client's file (the roles that may record a file view).
    static let fileReaders = RolePolicy.roles(for: .recordFileView)

    /// Route to access.
    public static let table: [RouteKey: Access] = [
        RouteKey(.get, "/openapi.json"): .anyone,
        RouteKey(.get, "/health"): .anyone,
        // Sessions
        RouteKey(.post, "/api/session"): .anyone,
        RouteKey(.get, "/api/session"): .signedIn,
        RouteKey(.delete, "/api/session"): .signedIn,
        // Clients
        RouteKey(.post, "/api/clients"): .command(.registerClient),
        RouteKey(.get, "/api/clients"): .roles(fileReaders),
        RouteKey(.get, "/api/clients/:clientId"): .roles(fileReaders),
        RouteKey(.get, "/api/clients/:clientId/file"): .roles(fileReaders),
        RouteKey(.post, "/api/clients/:clientId/services"): .command(.recordService),
        RouteKey(.post, "/api/clients/:clientId/follow-ups"): .command(.scheduleFollowUp),
        // Referrals
        RouteKey(.post, "/api/referrals"): .command(.makeReferral),
        RouteKey(.post, "/api/referrals/:referralId/accept"): .command(.acceptReferral),
        RouteKey(.post, "/api/referrals/:referralId/decline"): .command(.declineReferral),
        RouteKey(.post, "/api/referrals/:referralId/complete"): .command(.completeReferral),
        RouteKey(.post, "/api/referrals/:referralId/cancel"): .command(.cancelReferral),
        // Pages
        RouteKey(.get, "/"): .signedIn,
        RouteKey(.get, "/login"): .anyone,
        RouteKey(.post, "/login"): .anyone,
        RouteKey(.post, "/logout"): .signedIn,
        RouteKey(.get, "/clients"): .roles(fileReaders),
        RouteKey(.get, "/clients/new"): .command(.registerClient),
        RouteKey(.post, "/clients/new"): .command(.registerClient),
        RouteKey(.get, "/clients/:clientId"): .roles(fileReaders),
        RouteKey(.post, "/clients/:clientId/services"): .command(.recordService),
        RouteKey(.post, "/clients/:clientId/follow-ups"): .command(.scheduleFollowUp),
        RouteKey(.post, "/clients/:clientId/referrals"): .command(.makeReferral),
        RouteKey(.post, "/referrals/:referralId/move"): .roles(RolePolicy.roles(for: .acceptReferral)),
    ]

    /// The entry for `key`; a route missing from the table is open to nobody.
    public static func access(for key: RouteKey) -> Access {
        table[key] ?? .roles([])
    }
}
