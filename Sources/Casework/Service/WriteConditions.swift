public import Foundation

/// What makes one command's write exactly-once and optimistic: an idempotency key (the first
/// event's id, so a retry finds the earlier write instead of writing again) and an expected
/// stream version (the write is refused unless the stream is still at it).
public struct WriteConditions: Sendable, Hashable {
    /// The first event's id; later events of the same command derive theirs from it.
    public var idempotencyKey: UUID?
    /// The version the caller last saw the stream at; nil accepts any.
    public var expectedVersion: UInt64?

    /// Conditions with the given key and version (both optional).
    public init(idempotencyKey: UUID? = nil, expectedVersion: UInt64? = nil) {
        self.idempotencyKey = idempotencyKey
        self.expectedVersion = expectedVersion
    }

    /// The id of the `index`th event a command keyed by `key` appends: the key itself for the
    /// first, the key with its last byte varied for later ones, so a retry derives the same ids.
    public static func eventId(key: UUID, index: Int) -> UUID {
        guard index > 0 else { return key }
        var bytes = key.uuid
        bytes.15 ^= UInt8(truncatingIfNeeded: index)
        return UUID(uuid: bytes)
    }
}

/// A write refused by its ``WriteConditions``; nothing was appended.
public enum WriteConditionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The idempotency key already names an event of another stream.
    case keyUsedElsewhere(key: UUID, stream: String)
    /// The stream is at `current` (nil: it does not exist), not at `expected`.
    case versionMismatch(stream: String, expected: UInt64, current: UInt64?)

    public var description: String {
        switch self {
        case .keyUsedElsewhere(let key, let stream): "idempotency key \(key) was already used for a write to \(stream)"
        case .versionMismatch(let stream, let expected, let current):
            "\(stream) is at version \(current.map(String.init) ?? "none"), not the expected \(expected)"
        }
    }
}
