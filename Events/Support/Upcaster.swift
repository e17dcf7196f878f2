/// Turns a payload of one schema version into the next version's shape, on read. Old
/// payloads in the log are never rewritten (the hash chain forbids it); they are upcast each
/// time they are decoded.
public struct Upcaster: Sendable {
    /// The version this upcaster reads; it produces `fromVersion + 1`.
    public let fromVersion: UInt16
    /// What changed, for the event catalogue.
    public let change: String
    /// Reshapes the payload's top-level object in place; throws ``UpcastProblem`` when the
    /// old payload lacks what the change needs.
    public let transform: @Sendable (inout [String: JSONValue]) throws -> Void

    /// An upcaster from `fromVersion` to `fromVersion + 1`.
    public init(
        from fromVersion: UInt16, change: String,
        transform: @escaping @Sendable (inout [String: JSONValue]) throws -> Void
    ) {
        self.fromVersion = fromVersion
        self.change = change
        self.transform = transform
    }
}

/// Why an old payload could not be upcast.
public struct UpcastProblem: Error, Sendable, Equatable {
    /// The field at fault.
    public let field: String
    /// What is wrong with it.
    public let problem: String

    /// A problem with `field`.
    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }
}

extension Upcaster {
    /// The version after `version` of every event with personal fields: each such field may now
    /// be sealed (`{"sealed": {"keyId", "box"}}`) instead of clear. An older payload is a valid
    /// newer payload in clear, so nothing is reshaped; the bump tells an older build it cannot
    /// read the new one.
    public static func personalFieldsSealable(from version: UInt16) -> Upcaster {
        Upcaster(
            from: version,
            change: "personal fields may be sealed with the stream's data key ({\"sealed\": {keyId, box}}); older payloads are read unchanged, in clear"
        ) { _ in }
    }
}
