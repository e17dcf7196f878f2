import EventStore
import Foundation
import Server

/// The first-start steps of `harbour serve`: an administrator who can sign in.
enum ServeSetup {
    /// Environment variable holding the first administrator's password.
    static let passwordVariable = "HARBOUR_ADMIN_PASSWORD"

    /// Gives `admin` a password when no administrator can sign in, printing a generated one
    /// once; after demo seeding, the demo staff accounts get the same password.
    static func ensureAdministrator(store: EventStore, configuration: ServerConfiguration, demoSeeded: Bool) async throws {
        let chosen = ProcessInfo.processInfo.environment[passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        let created: FirstAdministrator.Created?
        do {
            created = try await FirstAdministrator.ensure(
                store: store, timeZone: configuration.timeZone, bcryptCost: configuration.bcryptCost, password: chosen)
        } catch let problem as ProblemDetails {
            throw CommandFailure(.usage, "\(passwordVariable): \(problem.errors.map { "\($0.field) \($0.problem)" }.joined(separator: "; "))")
        }
        guard let created else { return }
        let password = created.generatedPassword ?? chosen!
        if let generated = created.generatedPassword {
            Terminal.print("Created the administrator '\(created.username)' with the password: \(generated)\nIt is shown only this once.")
        } else {
            Terminal.print("The administrator '\(created.username)' has the password from \(passwordVariable).")
        }
        guard demoSeeded else { return }
        let demo = try await FirstAdministrator.setMissingPasswords(
            store: store, timeZone: configuration.timeZone, bcryptCost: configuration.bcryptCost, password: password)
        if !demo.isEmpty {
            Terminal.print("Demo accounts with the same password: \(demo.joined(separator: ", "))")
        }
    }
}
