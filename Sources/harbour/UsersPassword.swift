import ArgumentParser
import Casework
import Events
import Foundation
import Server

struct UsersPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Set a user's password, read from standard input (never from the command line).",
        discussion: """
            The first line of standard input is the password (at least \(PasswordHasher.passwordCharactersMin) \
            characters, at most \(PasswordHasher.passwordBytesMax) bytes); it is hashed with bcrypt as the web \
            app does and only the hash is recorded. Reading it from standard input keeps it out of the shell's \
            history and the process list.

            Example:
              printf '%s\\n' "$NEW_PASSWORD" | harbour users password u-amina --password-stdin
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "User id.") var userId: String
    @Flag(help: "Read the password from standard input (required, so it is never an argument).") var passwordStdin = false
    @Option(help: ArgumentHelp("bcrypt work factor, 10 to 16.", valueName: "COST")) var cost: UInt8 = 12

    func validate() throws {
        guard passwordStdin else { throw ValidationError("--password-stdin: required; pipe the password in on standard input") }
        guard (10...16).contains(cost) else { throw ValidationError("--cost: must be 10 to 16 (got \(cost))") }
    }

    func run() async throws {
        let password = try Self.password(from: readLine(strippingNewline: true))
        let hash = await PasswordHasher(cost: cost).hash(password)
        try await UsersCommand.execute(
            SetPassword(actor: UsersCommand.terminalAdministrator, userId: UserID(userId), passwordHash: hash), options: options)
        Terminal.print("set the password of \(userId)")
    }

    /// The password read, or a usage error naming what is wrong with it.
    static func password(from line: String?) throws -> String {
        guard let line, !line.isEmpty else { throw ValidationError("standard input: no password (an empty first line)") }
        guard line.count >= PasswordHasher.passwordCharactersMin else {
            throw ValidationError("standard input: the password has \(line.count) characters; at least \(PasswordHasher.passwordCharactersMin) are needed")
        }
        guard line.utf8.count <= PasswordHasher.passwordBytesMax else {
            throw ValidationError("standard input: the password is \(line.utf8.count) bytes; bcrypt reads at most \(PasswordHasher.passwordBytesMax)")
        }
        return line
    }
}
