/// A command refused by a rule: which field, what is wrong with it, and what kind of refusal
/// it is (the HTTP layer maps the kind to a status; nothing here knows about HTTP).
public struct DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What sort of refusal, for the caller's status mapping.
    public enum Kind: String, Sendable, Hashable {
        /// The input breaks a rule on its own (422).
        case validation
        /// The command names something that does not exist (404).
        case notFound
        /// The command does not fit the current state (409).
        case conflict
        /// The acting user may not issue it (403).
        case forbidden
    }

    /// What sort of refusal.
    public let kind: Kind
    /// The command field at fault, e.g. `dateOfBirth` or `goals[2].targetDate`.
    public let field: String
    /// What is wrong with it, e.g. `is in the future (2030-01-01)`.
    public let problem: String

    /// A refusal of `kind` naming `field` and `problem`.
    public init(_ kind: Kind, field: String, problem: String) {
        self.kind = kind
        self.field = field
        self.problem = problem
    }

    /// `field problem`, e.g. `dateOfBirth is in the future (2030-01-01)`.
    public var description: String { "\(field) \(problem)" }

    static func validation(_ field: String, _ problem: String) -> DomainError { .init(.validation, field: field, problem: problem) }
    static func notFound(_ field: String, _ problem: String) -> DomainError { .init(.notFound, field: field, problem: problem) }
    static func conflict(_ field: String, _ problem: String) -> DomainError { .init(.conflict, field: field, problem: problem) }
    static func forbidden(_ field: String, _ problem: String) -> DomainError { .init(.forbidden, field: field, problem: problem) }
}
