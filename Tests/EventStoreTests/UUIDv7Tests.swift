@testable import EventStore
import Foundation
import Testing

@Suite struct UUIDv7Tests {
    @Test func idsCarryTheirMillisecondVersionAndVariant() {
        let at = Timestamp(iso8601: "2025-04-01T09:30:00.123Z")!
        let id = UUIDv7.make(at: at)
        let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
        let milliseconds = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(milliseconds == UInt64(at.microsecondsSinceEpoch / 1_000))
        #expect(bytes[6] >> 4 == 7, "version 7")
        #expect(bytes[8] >> 6 == 0b10, "RFC 9562 variant")
    }

    @Test func idsFromThePooledSourceNeverRepeatAndSortByTime() {
        let early = Timestamp(iso8601: "2025-04-01T09:30:00Z")!
        let late = Timestamp(iso8601: "2025-04-01T09:30:01Z")!
        let ids = (0..<20_000).map { _ in UUIDv7.make(at: early) }
        #expect(Set(ids).count == ids.count, "the pool hands out each random word once")
        let randomParts = Set(ids.map { id in withUnsafeBytes(of: id.uuid) { Array($0[8..<16]) } })
        #expect(randomParts.count == ids.count)
        #expect(UUIDv7.make(at: early).uuidString < UUIDv7.make(at: late).uuidString)
    }

    @Test func idsOfOneMillisecondIncreaseInTheOrderTheyAreMade() {
        // A millisecond no other test mints for, so ids made in parallel cannot interleave.
        let at = Timestamp(iso8601: "2099-04-01T09:30:00.500Z")!
        let ids = (0..<5_000).map { _ in UUIDv7.make(at: at) }
        let keys = ids.map { id in withUnsafeBytes(of: id.uuid) { Array($0) } }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }, "strictly increasing")
        #expect(keys.allSatisfy { $0[6] >> 4 == 7 && $0[8] >> 6 == 0b10 }, "version and variant survive the increments")
        let earlier = UUIDv7.make(at: Timestamp(iso8601: "2025-04-01T09:29:59Z")!)
        let millisecondsOfEarlier = withUnsafeBytes(of: earlier.uuid) { $0[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        #expect(millisecondsOfEarlier == UInt64(Timestamp(iso8601: "2025-04-01T09:29:59Z")!.microsecondsSinceEpoch / 1_000))
    }
}

@Suite struct MonotonicSequenceTests {
    @Test func anEarlierMillisecondGetsFreshBitsAndLeavesTheSequenceAlone() {
        var sequence = MonotonicSequence()
        let first = sequence.next(milliseconds: 2_000, step: 5, fresh: 0x0010_0000_0000_0100)
        let past = sequence.next(milliseconds: 1_000, step: 5, fresh: 0xFFF0_0000_0000_0000)
        let second = sequence.next(milliseconds: 2_000, step: 5, fresh: 0)
        #expect(past == (high: 0xFFF, low: 0x3FF0_0000_0000_0000))
        #expect(second.high == first.high && second.low == first.low + 6, "the past id did not reset the sequence")
    }

    @Test func exhaustedBitsStartAgainFromFreshOnes() {
        var sequence = MonotonicSequence()
        _ = sequence.next(milliseconds: 7, step: 0, fresh: UInt64.max)
        let carried = sequence.next(milliseconds: 7, step: 0, fresh: 42)
        #expect(carried == (high: 42 >> 52, low: 42), "12 high bits at 0xFFF and 62 low bits full: nothing left to add")
        let next = sequence.next(milliseconds: 7, step: 0xFFFF_FFFF_0000_0002, fresh: 0)
        #expect(next == (high: 0, low: 45), "only the low 32 bits of a step count")
    }
}
