import Foundation

/// A UUID as two integers: hashing it is cheaper than hashing Foundation's UUID on Linux.
struct UUIDKey: Hashable {
    let high: UInt64
    let low: UInt64

    init(_ uuid: UUID) {
        (high, low) = withUnsafeBytes(of: uuid.uuid) {
            ($0.loadUnaligned(fromByteOffset: 0, as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }
}
