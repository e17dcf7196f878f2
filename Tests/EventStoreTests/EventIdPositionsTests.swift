@testable import EventStore
import Foundation
import Testing

@Suite("Event id positions")
struct EventIdPositionsTests {
    private func id(_ high: UInt64, _ low: UInt64 = 0) -> UUIDOrder {
        var words = (high.bigEndian, low.bigEndian)
        return withUnsafeBytes(of: &words) { UUIDOrder($0) }
    }

    @Test("ids in any order are found, absent ones are not, and sorted() is in key order")
    func mixedOrder() {
        var positions = EventIdPositions()
        let inserted: [(UUIDOrder, UInt64)] = [(id(5), 1), (id(7), 2), (id(6), 3), (id(9, 1), 4), (id(1), 5), (id(9, 2), 6)]
        for (key, position) in inserted { positions.insert(key, position: position) }
        #expect(positions.count == 6)
        #expect(positions.largest == id(9, 2))
        for (key, position) in inserted { #expect(positions.position(of: key) == position) }
        for absent in [id(0), id(2), id(8), id(9), id(9, 3), id(10)] { #expect(positions.position(of: absent) == nil) }
        #expect(positions.sorted().map(\.position) == [5, 1, 3, 2, 4, 6])
        #expect(positions.ascending.map(\.position) == [1, 2, 4, 6], "only the ids that came in increasing order")
    }

    @Test("an empty set finds nothing")
    func empty() {
        let positions = EventIdPositions()
        #expect(positions.position(of: id(1)) == nil)
        #expect(positions.sorted().isEmpty)
    }
}
