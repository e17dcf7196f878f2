import Casework
public import EventStore
public import Events
import HTTPTypes
public import Foundation

/// The account a new installation starts with, so someone can sign in and create the others.
public enum FirstAdministrator {
    /// The first administrator's username.
    public static let username = "admin"
    /// Its user id (the demo history's administrator has the same, and is given the password).
    public static let userId = UserID("u-admin")
    /// Length of a generated password (about 119 bits from a 62-letter alphabet).
    public static let generatedPasswordCharacters = 20

    /// What the first start did.
    public struct Created: Sendable {
        /// Sign-in name.
        public let username: String
        /// The password when Harbour generated it, to be shown once; nil when it was supplied.
        public let generatedPassword: String?
    }

    /// Makes sure some enabled administrator can sign in: when none has a password, gives the
    /// `admin` account one (creating the account, or granting it the role, as needed). Nil when
    /// an administrator could already sign in.
    /// - Parameter password: the chosen password (e.g. `HARBOUR_ADMIN_PASSWORD`), or nil to
    ///   generate one.
    /// - Throws: ``ProblemDetails`` when a supplied password is too short or too long.
    public static func ensure(store: EventStore, timeZone: TimeZone, bcryptCost: UInt8, password: String?) async throws -> Created? {
        let accounts = try AccountDirectory(log: store).all()
        let canSignIn = accounts.contains { $0.roles.contains(.administrator) && !$0.isDisabled && $0.passwordHash != nil }
        guard !canSignIn else { return nil }
        if let password { try check(password) }
        let chosen = password ?? generate()
        let existing = accounts.first { $0.username == username }
        let userId = existing?.userId ?? Self.userId
        let actor = ActingUser(userId: userId, role: .administrator)
        let service = CaseworkService(log: store, timeZone: timeZone)
        if existing == nil {
            try await service.execute(
                CreateUser(actor: actor, userId: userId, username: username, displayName: "Administrator", roles: [.administrator]))
        } else if existing?.roles.contains(.administrator) == false {
            try await service.execute(GrantRole(actor: actor, userId: userId, role: .administrator))
        }
        let hash = await PasswordHasher(cost: bcryptCost).hash(chosen)
        try await service.execute(SetPassword(actor: actor, userId: userId, passwordHash: hash))
        return Created(username: username, generatedPassword: password == nil ? chosen : nil)
    }

    /// Gives every account without a password `password`: for demo data only, whose generated
    /// staff accounts have none.
    public static func setMissingPasswords(store: EventStore, timeZone: TimeZone, bcryptCost: UInt8, password: String) async throws
        -> [String]
    {
        let service = CaseworkService(log: store, timeZone: timeZone)
        let hash = await PasswordHasher(cost: bcryptCost).hash(password)
        var usernames: [String] = []
        for account in try AccountDirectory(log: store).all() where account.passwordHash == nil && !account.isDisabled {
            let actor = ActingUser(userId: account.userId, role: .administrator)
            try await service.execute(SetPassword(actor: actor, userId: account.userId, passwordHash: hash))
            usernames.append(account.username)
        }
        return usernames
    }

    /// Refuses passwords bcrypt would weaken or truncate.
    static func check(_ password: String) throws {
        guard password.count >= PasswordHasher.passwordCharactersMin else {
            throw ProblemDetails(
                .unprocessableContent, detail: "The administrator password is too short.",
                errors: [FieldProblem(field: "password", problem: "is \(password.count) characters; use at least \(PasswordHasher.passwordCharactersMin)")])
        }
        guard password.utf8.count <= PasswordHasher.passwordBytesMax else {
            throw ProblemDetails(
                .unprocessableContent, detail: "The administrator password is too long for bcrypt.",
                errors: [FieldProblem(field: "password", problem: "is \(password.utf8.count) bytes; bcrypt reads at most \(PasswordHasher.passwordBytesMax)")])
        }
    }

    static func generate() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<generatedPasswordCharacters).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
