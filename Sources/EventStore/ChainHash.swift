import Crypto

/// A SHA-256 link of the hash chain, held inline (no allocation per record).
public struct ChainHash: Sendable, Hashable, CustomStringConvertible {
    private var word0: UInt64 = 0, word1: UInt64 = 0, word2: UInt64 = 0, word3: UInt64 = 0

    /// The hash before the first record: 32 zero bytes.
    public static let zero = ChainHash()

    private init() {}

    /// Reads 32 bytes; the caller guarantees they are there.
    init(bytes: UnsafeRawBufferPointer) {
        word0 = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        word1 = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        word2 = bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        word3 = bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
    }

    /// SHA-256(previous ‖ body): the next link of the chain.
    static func link(previous: ChainHash, body: UnsafeRawBufferPointer) -> ChainHash {
        var hasher = SHA256()
        previous.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: body)
        return hasher.finalize().withUnsafeBytes { ChainHash(bytes: $0) }
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: self) { try body($0) }
    }

    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Lower-case hexadecimal, 64 characters.
    public var description: String {
        withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: 64) { buffer in
                let digits = Array("0123456789abcdef".utf8)
                for (index, byte) in bytes.enumerated() {
                    buffer[2 * index] = digits[Int(byte >> 4)]
                    buffer[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
                return 64
            }
        }
    }
}
