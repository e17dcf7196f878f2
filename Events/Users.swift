/// A user account was created.
public struct UserCreated: DomainEvent {
    public static let eventType = "UserCreated"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A user account was created with its first roles."

    /// The new user.
    public let userId: UserID
    /// The sign-in name, unique, lowercase.
    public let username: String
    /// The name shown in the audit trail.
    public let displayName: String
    /// The roles granted at creation, sorted.
    public let roles: [Role]
    /// The member this user is, for a user who votes online.
    public let memberId: MemberID?

    /// A UserCreated with every field given.
    public init(userId: UserID, username: String, displayName: String, roles: [Role], memberId: MemberID? = nil) {
        self.userId = userId
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.memberId = memberId
    }

    public var streamId: String { StreamID.user(userId) }

    public static var example: UserCreated {
        UserCreated(
            userId: UserID("u-worker"), username: "fatima", displayName: "Fatima Noor", roles: [.worker],
            memberId: MemberID("m-2"))
    }
}

/// A role was granted to a user.
public struct RoleGranted: DomainEvent {
    public static let eventType = "RoleGranted"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A role was granted to a user."

    /// The user.
    public let userId: UserID
    /// The role granted.
    public let role: Role

    /// A RoleGranted with every field given.
    public init(userId: UserID, role: Role) {
        self.userId = userId
        self.role = role
    }

    public var streamId: String { StreamID.user(userId) }

    public static var example: RoleGranted { RoleGranted(userId: UserID("u-worker"), role: .supervisor) }
}

/// A role was taken from a user.
public struct RoleRevoked: DomainEvent {
    public static let eventType = "RoleRevoked"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A role was revoked from a user."

    /// The user.
    public let userId: UserID
    /// The role revoked.
    public let role: Role

    /// A RoleRevoked with every field given.
    public init(userId: UserID, role: Role) {
        self.userId = userId
        self.role = role
    }

    public var streamId: String { StreamID.user(userId) }

    public static var example: RoleRevoked { RoleRevoked(userId: UserID("u-worker"), role: .supervisor) }
}

/// A user's password was set. Only a slow salted hash in PHC string format is ever stored.
public struct PasswordSet: DomainEvent {
    public static let eventType = "PasswordSet"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A user's password hash was set (never the password)."

    /// The user.
    public let userId: UserID
    /// The PHC-format hash, e.g. `$argon2id$v=19$...`; never the password.
    public let passwordHash: String

    /// A PasswordSet with every field given.
    public init(userId: UserID, passwordHash: String) {
        self.userId = userId
        self.passwordHash = passwordHash
    }

    public var streamId: String { StreamID.user(userId) }

    public static var example: PasswordSet {
        PasswordSet(
            userId: UserID("u-worker"),
            passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")
    }
}

/// A user can no longer sign in or act; their past actions stay attributed to them.
public struct UserDisabled: DomainEvent {
    public static let eventType = "UserDisabled"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A user account was disabled."

    /// The user.
    public let userId: UserID
    /// Why, e.g. left the agency.
    public let reason: String

    /// A UserDisabled with every field given.
    public init(userId: UserID, reason: String) {
        self.userId = userId
        self.reason = reason
    }

    public var streamId: String { StreamID.user(userId) }

    public static var example: UserDisabled { UserDisabled(userId: UserID("u-worker"), reason: "Left the agency") }
}
