public import Casework
public import Events

/// A user account as its stream tells it, with what sign-in needs: the password hash.
public struct Account: Sendable, Hashable {
    /// The user's id.
    public let userId: UserID
    /// Sign-in name.
    public let username: String
    /// Name shown on pages and in the audit trail.
    public let displayName: String
    /// Roles held now.
    public let roles: Set<Role>
    /// The member this user is, if any.
    public let memberId: MemberID?
    /// The latest bcrypt hash (nil before a password was set).
    public let passwordHash: String?
    /// True once disabled: a disabled account cannot sign in or keep a session.
    public let isDisabled: Bool

    /// The account as a command's actor.
    public var actingUser: ActingUser { ActingUser(userId: userId, roles: roles, memberId: memberId) }

    /// Folds a user stream's effective events; nil when the stream has no `UserCreated`.
    static func folded(_ events: [any DomainEvent]) -> Account? {
        let state = UserState.folded(events)
        guard let created = state.created else { return nil }
        let hash = events.compactMap { ($0 as? PasswordSet)?.passwordHash }.last
        return Account(
            userId: created.userId, username: created.username, displayName: created.displayName, roles: state.roles,
            memberId: created.memberId, passwordHash: hash, isDisabled: state.isDisabled)
    }
}
