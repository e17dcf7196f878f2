public import Events

enum UserRules {
    static let usernameCharactersRange = 3...32
    /// Password hash algorithms accepted, as PHC string identifiers.
    static let passwordHashSchemes = ["argon2id", "argon2i", "scrypt", "pbkdf2-sha256", "pbkdf2-sha512", "2b", "2y"]
    /// Shortest hash accepted: any real salted hash is longer, a typed password rarely is.
    static let passwordHashCharactersMin = 40

    static func username(_ name: String) throws(DomainError) {
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
        guard usernameCharactersRange.contains(name.count), allowed else {
            throw .validation("username", "must be 3 to 32 of a-z, 0-9, '.', '_', '-' (got '\(name)')")
        }
    }

    /// Accepts only something shaped like a PHC-format hash, so a plain password can never be stored.
    static func passwordHash(_ hash: String) throws(DomainError) {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[0].isEmpty, passwordHashSchemes.contains(String(parts[1])),
            hash.count >= passwordHashCharactersMin, !hash.contains(where: \.isWhitespace)
        else {
            throw .validation(
                "passwordHash", "is not a PHC-format hash ($scheme$...$...) of a known scheme; only hashes are stored, never passwords")
        }
    }
}

extension CreateUser {
    public func gatherFacts(from reader: FactReader) async throws -> UserID? {
        try await reader.users.user(withUsername: username)
    }

    public func decide(_ state: UserState, facts: UserID?, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        guard state.created == nil else { throw .conflict("userId", "already exists (\(userId))") }
        try Rules.identifier(userId, field: "userId")
        try UserRules.username(username)
        if let holder = facts, holder != userId { throw .conflict("username", "is taken by user \(holder)") }
        try Rules.name(displayName, field: "displayName")
        guard !roles.isEmpty else { throw .validation("roles", "is empty: a user needs at least one role") }
        try Rules.noDuplicates(roles.map(\.rawValue), field: "roles")
        if let memberId { try Rules.identifier(memberId, field: "memberId") }
        return [
            UserCreated(userId: userId, username: username, displayName: displayName, roles: roles.sorted(), memberId: memberId)
        ]
    }
}

extension GrantRole {
    public func decide(_ state: UserState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        try state.requireActive(userId)
        guard !state.roles.contains(role) else { throw .conflict("role", "\(role.rawValue) is already held") }
        return [RoleGranted(userId: userId, role: role)]
    }
}

extension RevokeRole {
    public func decide(_ state: UserState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        try state.requireActive(userId)
        guard state.roles.contains(role) else { throw .conflict("role", "\(role.rawValue) is not held") }
        if userId == actor.userId, role == .administrator {
            throw .conflict("role", "administrator cannot be revoked from yourself (another administrator must do it)")
        }
        return [RoleRevoked(userId: userId, role: role)]
    }
}

extension SetPassword {
    public func decide(_ state: UserState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        try state.requireActive(userId)
        try UserRules.passwordHash(passwordHash)
        return [PasswordSet(userId: userId, passwordHash: passwordHash)]
    }
}

extension DisableUser {
    public func decide(_ state: UserState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        try state.requireActive(userId)
        guard userId != actor.userId else { throw .conflict("userId", "is yourself: another administrator must disable you") }
        try Rules.text(reason, field: "reason")
        return [UserDisabled(userId: userId, reason: reason)]
    }
}
