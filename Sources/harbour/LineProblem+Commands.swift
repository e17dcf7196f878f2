import Casework
import Foundation
import Server

extension LineProblem {
    /// The field and problem behind a command line's failure: the command's name, the input
    /// field a decoder or domain rule names (as `input.FIELD`), the actor, or the command id.
    init(commandError error: any Error) {
        switch error {
        case let problem as LineProblem: self = problem
        case let decoding as DecodingError: self.init(decoding, prefix: "input")
        case let domain as DomainError: self.init(domain.field == "actor" ? "actor" : "input." + domain.field, domain.problem)
        case CommandInputError.unknownCommand(let name):
            self.init("command", "\(name) is not a command (one of: \(CommandCatalogue.commandNames.joined(separator: ", ")))")
        case CommandInputError.missingParameter(let name): self.init("input." + name, "is missing")
        case CommandInputError.parameterNotAString(let name): self.init("input." + name, "is not a string")
        case WriteConditionError.keyUsedElsewhere(_, let stream): self.init("commandId", "was already used for a command on \(stream)")
        case let problem as ProblemDetails:
            let first = problem.errors.first
            self.init(first.map { "input." + $0.field } ?? "input", first?.problem ?? problem.detail)
        default: self.init("line", "\(error)")
        }
    }
}
