import ArgumentParser
import Casework
import EventStore
import Events
import Foundation

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, grant, revoke, disable and list the people who sign in to Harbour.",
        discussion: """
            Changes go through Casework's user commands, recorded as done by the administrator
            at this terminal (actor cli-<login name>). `users add` creates an account without a
            password; set one with `users password` (read from standard input) or from the web
            app's users page.

            Example:
              harbour users add amina --name "Amina Haddad" --role worker --role supervisor
              printf '%s\n' "$NEW_PASSWORD" | harbour users password u-amina --password-stdin
            """,
        subcommands: [UsersAdd.self, UsersPassword.self, UsersGrant.self, UsersRevoke.self, UsersDisable.self, UsersList.self])

    /// The administrator at the terminal: whoever can open the data folder may administer it.
    static var terminalAdministrator: ActingUser {
        ActingUser(userId: UserID("cli-\(NSUserName())"), role: .administrator)
    }

    /// Runs one user command, turning a refusal into one line and exit status 1.
    static func execute<C: Command>(_ command: C, options: GlobalOptions) async throws {
        try await options.withStore { store in
            let service = CaseworkService(log: store, timeZone: .current)
            do {
                try await service.execute(command)
            } catch let error as DomainError {
                throw CommandFailure(.failure, "\(error.field): \(error.problem)")
            }
        }
    }

    /// A role named on the command line.
    static func role(_ text: String) throws -> Role {
        guard let role = Role(rawValue: text) else {
            throw ValidationError("role: '\(text)' is not a role (one of \(Role.codes.joined(separator: ", ")))")
        }
        return role
    }
}

struct UsersAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create a user (without a password; then `harbour users password`).",
        discussion: "Example:\n  harbour users add amina --name \"Amina Haddad\" --role worker")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "Sign-in name.") var username: String
    @Option(help: "Name shown in the app.") var name: String
    @Option(help: ArgumentHelp("A role (repeat for several): \(Role.codes.joined(separator: ", ")).", valueName: "ROLE"))
    var role: [String] = []
    @Option(help: ArgumentHelp("User id (default: u-USERNAME).", valueName: "ID")) var id: String?
    @Option(help: ArgumentHelp("The member this user is, for voting online.", valueName: "MEMBER-ID")) var member: String?

    func validate() throws {
        guard !role.isEmpty else { throw ValidationError("--role: give at least one role") }
        for text in role { _ = try UsersCommand.role(text) }
    }

    func run() async throws {
        let userId = UserID(id ?? "u-\(username)")
        try await UsersCommand.execute(
            CreateUser(
                actor: UsersCommand.terminalAdministrator, userId: userId, username: username, displayName: name,
                roles: try role.map(UsersCommand.role), memberId: member.map(MemberID.init(rawValue:))),
            options: options)
        Terminal.print("created user \(userId) (\(username)) with roles \(role.joined(separator: ", ")); no password yet")
    }
}

struct UsersGrant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "Give a user a role.", discussion: "Example:\n  harbour users grant u-amina supervisor")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "User id.") var userId: String
    @Argument(help: "Role.") var role: String

    func run() async throws {
        try await UsersCommand.execute(
            GrantRole(actor: UsersCommand.terminalAdministrator, userId: UserID(userId), role: try UsersCommand.role(role)),
            options: options)
        Terminal.print("granted \(role) to \(userId)")
    }
}

struct UsersRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Take a role from a user.", discussion: "Example:\n  harbour users revoke u-amina supervisor")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "User id.") var userId: String
    @Argument(help: "Role.") var role: String

    func run() async throws {
        try await UsersCommand.execute(
            RevokeRole(actor: UsersCommand.terminalAdministrator, userId: UserID(userId), role: try UsersCommand.role(role)),
            options: options)
        Terminal.print("revoked \(role) from \(userId)")
    }
}

struct UsersDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Stop a user from signing in (their history stays).",
        discussion: "Example:\n  harbour users disable u-amina --reason \"Left the agency\"")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "User id.") var userId: String
    @Option(help: "Why, for the audit trail.") var reason: String

    func run() async throws {
        try await UsersCommand.execute(
            DisableUser(actor: UsersCommand.terminalAdministrator, userId: UserID(userId), reason: reason), options: options)
        Terminal.print("disabled \(userId)")
    }
}

struct UsersList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List users with their roles and status.", discussion: "Example:\n  harbour users list")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let users = try await options.withStore { store in
            var states: [String: UserState] = [:]
            let registry = EventRegistry.standard
            for record in try store.events(inCategory: StreamID.userCategory) {
                let event = try registry.decode(eventType: record.eventType, schemaVersion: record.schemaVersion, payload: record.payload)
                states[record.streamId, default: UserState()].apply(event)
            }
            return states.values.sorted { ($0.userId?.rawValue ?? "") < ($1.userId?.rawValue ?? "") }
        }
        for user in users {
            let roles = user.roles.map(\.rawValue).sorted().joined(separator: ",")
            let status = user.isDisabled ? "disabled" : user.hasPassword ? "active" : "no password"
            Terminal.print("\(user.userId?.rawValue ?? "?")\t\(user.username ?? "?")\t\(roles)\t\(status)")
        }
        if users.isEmpty { Terminal.print("no users") }
    }
}
