import Foundation

/// An event id as two big-endian words: comparing them is LMDB's byte-wise key order of the
/// `event-ids` index, and hashing them is cheaper than hashing Foundation's UUID on Linux.
struct UUIDOrder: Hashable, Comparable, Sendable {
    let high: UInt64
    let low: UInt64

    init(_ key: UnsafeRawBufferPointer) {
        high = UInt64(bigEndian: key.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        low = UInt64(bigEndian: key.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    init(_ uuid: UUID) {
        self = withUnsafeBytes(of: uuid.uuid) { UUIDOrder($0) }
    }

    static func < (lhs: UUIDOrder, rhs: UUIDOrder) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    /// The 16 key bytes of the `event-ids` index, on the stack.
    func withKeyBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var words = (high.bigEndian, low.bigEndian)
        return try withUnsafeBytes(of: &words, body)
    }
}
