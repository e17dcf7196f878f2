/// Why a projection could not be loaded, built or queried.
public enum ProjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stored row could not be read back.
    case corruptRow(projection: String, detail: String)
    /// A query named something the read model does not have.
    case notFound(field: String, problem: String)
    /// A query's argument was out of range.
    case invalidArgument(field: String, problem: String)

    public var description: String {
        switch self {
        case .corruptRow(let projection, let detail): "projection \(projection): stored row unreadable: \(detail)"
        case .notFound(let field, let problem), .invalidArgument(let field, let problem): "\(field): \(problem)"
        }
    }
}
