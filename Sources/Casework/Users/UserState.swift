public import Events

/// A user account as its stream tells it.
public struct UserState: AggregateState {
    /// The creating event (nil before).
    public private(set) var created: UserCreated?
    /// Roles held now.
    public private(set) var roles: Set<Role> = []
    /// True once a password hash was set.
    public private(set) var hasPassword = false
    /// True once disabled.
    public private(set) var isDisabled = false

    public init() {}

    /// The user's id (nil before creation).
    public var userId: UserID? { created?.userId }
    /// The sign-in name.
    public var username: String? { created?.username }

    public mutating func apply(_ event: any DomainEvent) {
        switch event {
        case let event as UserCreated: (created, roles) = (event, Set(event.roles))
        case let event as RoleGranted: roles.insert(event.role)
        case let event as RoleRevoked: roles.remove(event.role)
        case is PasswordSet: hasPassword = true
        case is UserDisabled: isDisabled = true
        default: break
        }
    }

    /// Throws unless the user exists and is not disabled.
    func requireActive(_ id: UserID) throws(DomainError) {
        guard created != nil else { throw .notFound("userId", "names no user (\(id))") }
        guard !isDisabled else { throw .conflict("userId", "is disabled (\(id))") }
    }
}
