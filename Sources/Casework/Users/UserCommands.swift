public import Events

/// Creates a user account with its first roles.
public struct CreateUser: Command {
    public static let name = CommandName.createUser

    /// Who issues the command.
    public let actor: ActingUser
    /// A new user id.
    public let userId: UserID
    /// Sign-in name: 3–32 of a–z, 0–9, '.', '_', '-'; unique.
    public let username: String
    /// Name shown in the audit trail.
    public let displayName: String
    /// At least one role.
    public let roles: [Role]
    /// The member this user is, for voting online.
    public let memberId: MemberID?

    /// A CreateUser command.
    public init(
        actor: ActingUser,
        userId: UserID,
        username: String,
        displayName: String,
        roles: [Role],
        memberId: MemberID? = nil
    ) {
        self.actor = actor
        self.userId = userId
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.memberId = memberId
    }

    public var streamId: String { StreamID.user(userId) }
}

/// Grants a role.
public struct GrantRole: Command {
    public static let name = CommandName.grantRole

    /// Who issues the command.
    public let actor: ActingUser
    /// The user.
    public let userId: UserID
    /// The role.
    public let role: Role

    /// A GrantRole command.
    public init(actor: ActingUser, userId: UserID, role: Role) {
        self.actor = actor
        self.userId = userId
        self.role = role
    }

    public var streamId: String { StreamID.user(userId) }
}

/// Revokes a role.
public struct RevokeRole: Command {
    public static let name = CommandName.revokeRole

    /// Who issues the command.
    public let actor: ActingUser
    /// The user.
    public let userId: UserID
    /// The role.
    public let role: Role

    /// A RevokeRole command.
    public init(actor: ActingUser, userId: UserID, role: Role) {
        self.actor = actor
        self.userId = userId
        self.role = role
    }

    public var streamId: String { StreamID.user(userId) }
}

/// Sets a user's password hash (an administrator, or the user themself). The caller hashes;
/// this only ever sees and stores the hash.
public struct SetPassword: Command {
    public static let name = CommandName.setPassword

    /// Who issues the command.
    public let actor: ActingUser
    /// The user.
    public let userId: UserID
    /// A PHC-format hash such as `$argon2id$v=19$...`.
    public let passwordHash: String

    /// A SetPassword command.
    public init(actor: ActingUser, userId: UserID, passwordHash: String) {
        self.actor = actor
        self.userId = userId
        self.passwordHash = passwordHash
    }

    public var streamId: String { StreamID.user(userId) }
}

/// Disables a user account.
public struct DisableUser: Command {
    public static let name = CommandName.disableUser

    /// Who issues the command.
    public let actor: ActingUser
    /// The user.
    public let userId: UserID
    /// Why.
    public let reason: String

    /// A DisableUser command.
    public init(actor: ActingUser, userId: UserID, reason: String) {
        self.actor = actor
        self.userId = userId
        self.reason = reason
    }

    public var streamId: String { StreamID.user(userId) }
}


