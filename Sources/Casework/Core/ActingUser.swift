public import Events

/// The signed-in user a command is issued by, with the roles they hold now (the web and CLI
/// layers fill this from the user's stream; decisions trust it).
public struct ActingUser: Sendable, Hashable {
    /// Who is acting; recorded as the event envelope's actor.
    public let userId: UserID
    /// The roles they hold.
    public let roles: Set<Role>
    /// The member this user is, for a member voting in their own name.
    public let memberId: MemberID?

    /// A user holding `roles`.
    public init(userId: UserID, roles: Set<Role>, memberId: MemberID? = nil) {
        self.userId = userId
        self.roles = roles
        self.memberId = memberId
    }

    /// A user holding one role.
    public init(userId: UserID, role: Role, memberId: MemberID? = nil) {
        self.init(userId: userId, roles: [role], memberId: memberId)
    }
}
