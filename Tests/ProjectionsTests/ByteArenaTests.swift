@testable import Projections
import Testing

/// The arena behind ``SortedPuts``: bytes kept in order across growth, and a copy unchanged
/// by appends to the original (the sorting threads read copies while builds go on).
@Suite struct ByteArenaTests {
    private func bytes(_ arena: ByteArena) -> [UInt8] { arena.withUnsafeBytes { Array($0) } }

    @Test func bytesSurviveGrowthInOrder() {
        var arena = ByteArena()
        var expected: [UInt8] = []
        for round in 0..<2_000 {
            let chunk = (0..<(round % 37)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ round) }
            arena.append(chunk)
            expected += chunk
        }
        #expect(arena.count == expected.count)
        #expect(bytes(arena) == expected)
    }

    @Test func aCopyIsNotChangedByAppendsToEitherSide() {
        var original = ByteArena()
        original.append([1, 2, 3])
        var copy = original
        original.append([4])
        copy.append([9, 9])
        #expect(bytes(original) == [1, 2, 3, 4])
        #expect(bytes(copy) == [1, 2, 3, 9, 9])
        var emptied = original
        emptied.removeAll()
        #expect(bytes(emptied).isEmpty)
        #expect(bytes(original) == [1, 2, 3, 4])
        emptied.append([7])
        #expect(bytes(emptied) == [7])
    }
}
