import Foundation

/// A personal field of an event: in clear in memory (a command being decided, or an event opened
/// with its key), or sealed (as stored, or when the key is missing or destroyed).
///
/// Encoding a clear value while the encoder carries a ``SealingContext`` (see
/// ``EventCoding/encode(_:sealing:)``) seals it with the stream's data key; without one it is
/// written in clear, as before sealing existed. Decoding a sealed value while the decoder carries
/// a ``PersonalDataOpener`` opens it when the key still exists.
public enum Sealed<Value: Codable & Sendable & Hashable>: Sendable, Hashable, Codable {
    /// The value itself.
    case clear(Value)
    /// The value encrypted; unreadable without its data key.
    case sealed(SealedBox)

    /// The value when it is in clear; nil while it is sealed.
    public var value: Value? {
        if case .clear(let value) = self { return value }
        return nil
    }

    /// True when the value is encrypted (not opened, or its key was destroyed).
    public var isSealed: Bool {
        if case .sealed = self { return true }
        return false
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: SealedCoding.self), keyed.contains(.sealed) {
            let box = try keyed.decode(SealedBox.self, forKey: .sealed)
            self = try Self.opened(box, by: decoder.userInfo[.personalDataOpener] as? any PersonalDataOpener)
        } else {
            self = .clear(try Value(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .sealed(let box):
            var keyed = encoder.container(keyedBy: SealedCoding.self)
            try keyed.encode(box, forKey: .sealed)
        case .clear(let value):
            if let context = encoder.userInfo[.sealingContext] as? SealingContext {
                var keyed = encoder.container(keyedBy: SealedCoding.self)
                try keyed.encode(try context.seal(EventCoding.encoder().encode(value)), forKey: .sealed)
            } else {
                try value.encode(to: encoder)
            }
        }
    }

    /// `box` opened with `opener`, or still sealed when there is no opener or no key.
    static func opened(_ box: SealedBox, by opener: (any PersonalDataOpener)?) throws -> Self {
        guard let opener, let plaintext = try opener.open(box) else { return .sealed(box) }
        return .clear(try EventCoding.decoder().decode(Value.self, from: plaintext))
    }
}
