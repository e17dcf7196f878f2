public import Casework
public import Events
public import Foundation

/// Every command the JSON API takes, by its Casework type name, built from the same body the
/// API route decodes plus the route's path parameters as fields (`clientId`, `referralId`…):
/// `harbour import` runs command files through it, so a command line and a request agree on
/// every field, default and message.
public enum CommandCatalogue {
    static let routes: [String: CommandRoute] = {
        let all =
            ClientAPI.commandRoutes + CaseCommandAPI.commandRoutes + ReferralAPI.commandRoutes + OrganisationAPI.commandRoutes
            + ElectionAPI.commandRoutes + UserAPI.commandRoutes + CorrectionAPI.commandRoutes
        return Dictionary(all.map { ($0.commandName, $0) }) { first, _ in
            preconditionFailure("two routes build \(first.commandName)")
        }
    }()

    /// The command names, sorted.
    public static var commandNames: [String] { routes.keys.sorted() }

    /// The command `name` built from `input` (a JSON object: the API body and the path
    /// parameters) for `actor`. Ids the input leaves out become `commandId`, dates today.
    /// - Throws: ``CommandInputError`` for an unknown name or a missing or non-string
    ///   parameter; `DecodingError` naming the body field at fault.
    public static func command(
        named name: String, input: Data, actor: ActingUser, commandId: UUID, today: CalendarDate
    ) throws -> any Command {
        guard let route = routes[name] else { throw CommandInputError.unknownCommand(name) }
        let source = InputSource(actor: actor, fields: try JSONDecoder().decode([String: JSONValue].self, from: input))
        return try route.build(input, source, Defaults(idempotencyKey: commandId, today: today))
    }
}

/// Why a command's input could not become a command.
public enum CommandInputError: Error, Sendable, Hashable {
    /// No command of that name takes a JSON body.
    case unknownCommand(String)
    /// The parameter naming the record is absent.
    case missingParameter(String)
    /// The parameter is there but not a string.
    case parameterNotAString(String)
}

/// A command file line's actor and input object, as the parameters a route takes from its path.
struct InputSource: CommandSource {
    let actor: ActingUser
    let fields: [String: JSONValue]

    func pathParameter(_ name: String) throws -> String {
        guard let value = fields[name] else { throw CommandInputError.missingParameter(name) }
        guard case .string(let text) = value else { throw CommandInputError.parameterNotAString(name) }
        return text
    }
}
