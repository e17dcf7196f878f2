public import Foundation
import Glibc
import Synchronization

/// Time-ordered UUIDs (RFC 9562 version 7). Ids minted by the store's clients sort by time, so
/// the event-id index grows at its end instead of splitting pages at random.
public enum UUIDv7 {
    /// A new id for `timestamp`, its 74 random bits from the kernel's generator.
    public static func make(at timestamp: Timestamp = .now()) -> UUID {
        var generator = EntropyPool.Generator()
        return make(milliseconds: UInt64(timestamp.microsecondsSinceEpoch / 1_000), using: &generator)
    }

    /// A new id for `milliseconds` since the epoch, its random bits from `generator`.
    public static func make(milliseconds: UInt64, using generator: inout some RandomNumberGenerator) -> UUID {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let random = generator.next()
        let random2 = generator.next()
        withUnsafeMutableBytes(of: &uuid) { bytes in
            for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
            for index in 6..<16 {
                let source = index < 14 ? random : random2
                bytes[index] = UInt8(truncatingIfNeeded: source >> (8 * (index % 8)))
            }
            bytes[6] = (bytes[6] & 0x0F) | 0x70
            bytes[8] = (bytes[8] & 0x3F) | 0x80
        }
        return UUID(uuid: uuid)
    }
}

/// Kernel randomness fetched 256 bytes (`getentropy`'s most) at a time: one system call per
/// 16 ids instead of two per id, which was the single largest cost of proposing an event.
enum EntropyPool {
    private static let words = Mutex<(buffer: [UInt64], next: Int)>((Array(repeating: 0, count: 32), 32))

    /// Draws from the shared pool.
    struct Generator: RandomNumberGenerator {
        mutating func next() -> UInt64 {
            EntropyPool.words.withLock { state in
                if state.next == state.buffer.count {
                    let filled = state.buffer.withUnsafeMutableBytes { getentropy($0.baseAddress, $0.count) }
                    if filled != 0 {
                        // getentropy fails only without kernel support; fall back to the stdlib's source.
                        var system = SystemRandomNumberGenerator()
                        for index in state.buffer.indices { state.buffer[index] = system.next() }
                    }
                    state.next = 0
                }
                defer { state.next += 1 }
                return state.buffer[state.next]
            }
        }
    }
}
