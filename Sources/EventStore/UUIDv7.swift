public import Foundation
import Glibc
import Synchronization

/// Time-ordered UUIDs (RFC 9562 version 7). Ids minted by the store's clients sort by time, so
/// the event-id index grows at its end instead of splitting pages at random.
public enum UUIDv7 {
    /// A new id for `timestamp`, its 74 random bits from the kernel's generator.
    ///
    /// Ids made in this process for the same millisecond increase (RFC 9562 §6.2, method 2:
    /// the random part of the previous id plus a random step of at most 32 bits), so ids
    /// minted in order sort in order and the store appends them at the end of its event-id
    /// index. An id for an earlier millisecond than the last one is simply random.
    public static func make(at timestamp: Timestamp = .now()) -> UUID {
        let milliseconds = UInt64(timestamp.microsecondsSinceEpoch / 1_000)
        let (high, low) = MonotonicSequence.next(milliseconds: milliseconds)
        return layout(milliseconds: milliseconds, randomHigh: high, randomLow: low)
    }

    /// The 48-bit millisecond, version 7, 12 bits of `randomHigh`, the variant and 62 bits of `randomLow`.
    static func layout(milliseconds: UInt64, randomHigh: UInt64, randomLow: UInt64) -> UUID {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { bytes in
            bytes.storeBytes(of: (milliseconds << 16 | 0x7000 | (randomHigh & 0x0FFF)).bigEndian, as: UInt64.self)
            bytes.storeBytes(of: ((randomLow & MonotonicSequence.lowMask) | 0x8000_0000_0000_0000).bigEndian, toByteOffset: 8, as: UInt64.self)
        }
        return UUID(uuid: uuid)
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

/// The last id's millisecond and random bits, so the next id of the same millisecond is larger.
struct MonotonicSequence {
    static let lowMask: UInt64 = (1 << 62) - 1
    private static let shared = Mutex(MonotonicSequence())

    private var milliseconds: UInt64 = 0
    private var high: UInt64 = 0
    private var low: UInt64 = 0

    /// The random bits (12 high, 62 low) for an id of `milliseconds`, from the process-wide sequence.
    static func next(milliseconds: UInt64) -> (high: UInt64, low: UInt64) {
        var generator = EntropyPool.Generator()
        let step = generator.next()
        let fresh = generator.next()
        return shared.withLock { $0.next(milliseconds: milliseconds, step: step, fresh: fresh) }
    }

    /// The bits for `milliseconds`: the last id's plus `step` (at most 32 bits) in the same
    /// millisecond, otherwise `fresh`. An earlier millisecond (a caller minting for a past time)
    /// gets fresh bits and leaves the sequence alone, so it cannot break the current one.
    mutating func next(milliseconds: UInt64, step: UInt64, fresh: UInt64) -> (high: UInt64, low: UInt64) {
        let freshBits = (high: fresh >> 52, low: fresh & Self.lowMask)
        guard milliseconds >= self.milliseconds else { return freshBits }
        var bits = freshBits
        if milliseconds == self.milliseconds {
            bits = (high, low + 1 + (step & 0xFFFF_FFFF))
            if bits.low > Self.lowMask {
                bits = (bits.high + 1, bits.low & Self.lowMask)
            }
            // The 74 bits ran out in this millisecond: start again from random bits.
            if bits.high > 0x0FFF { bits = freshBits }
        }
        (self.milliseconds, high, low) = (milliseconds, bits.high, bits.low)
        return bits
    }
}
