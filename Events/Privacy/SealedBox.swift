public import Foundation

/// Personal data encrypted with one data key: the key's id and the AES-GCM combined box
/// (12-byte nonce, ciphertext, 16-byte tag). This is all the log ever holds of a personal field
/// written through the privacy layer; once the key is destroyed the box can never be opened.
public struct SealedBox: Sendable, Hashable, Codable, CatalogueLeaf {
    /// The data key that sealed it (the stream it was written to, e.g. `client-c-0001`).
    public let keyId: String
    /// Nonce, ciphertext and tag, as AES-GCM's combined representation.
    public let box: Data

    /// A box sealed with `keyId`.
    public init(keyId: String, box: Data) {
        self.keyId = keyId
        self.box = box
    }
}

/// The one JSON key that marks a sealed value: `{"sealed": {"keyId": …, "box": …}}`. A value
/// without it is in clear (every payload written before sealing existed, and test fixtures).
enum SealedCoding: String, CodingKey {
    case sealed
}
