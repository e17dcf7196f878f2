import EventStore
import Foundation
import HarbourTestSupport
import LMDB
@testable import Projections
import Testing

/// The pieces that let an in-memory build append its aggregates with its facts: a sorted write
/// merged with a second sorted set of puts, the aggregate writer's in-memory target, and the
/// sorter that hands builds to the writer as they finish.
@Suite struct MergedWriteTests {
    @Test(arguments: [UInt64(4), 12, 31])
    func aMergedWriteLeavesWhatOnePutAtATimeLeaves(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try ProjectionStorage(directory: directory.child("p"))
        defer { storage.close() }
        let merged = try storage.databases("merged", version: 1).facts
        let direct = try storage.databases("direct", version: 1).facts
        var random = SeededGenerator(state: seed)
        // Few short keys: the two sets interleave, share keys (the second set's must win) and
        // fall before, between and after what an earlier round wrote.
        func key() -> [UInt8] { (0..<Int.random(in: 1...3, using: &random)).map { _ in UInt8.random(in: 97...100, using: &random) } }
        for round in 0..<3 {
            var first = SortedPuts()
            var second = SortedPuts()
            try storage.environment.write { txn in
                for index in 0..<(30 + round * 20) {
                    let value = [UInt8(round), UInt8(index)]
                    first.add(key: key(), value: value)
                }
                for index in 0..<(10 + round * 10) { second.add(key: key(), value: [UInt8(round), 0x80 | UInt8(index)]) }
                first.sort()
                second.sort()
                // A put taken back after the sort is not written.
                let removed = Int.random(in: 0..<first.count, using: &random)
                first.remove(removed)
                var expected: [[UInt8]: [UInt8]] = [:]
                for index in 0..<first.count where index != removed { first.withPut(index) { expected[Array($0)] = Array($1) } }
                for index in 0..<second.count { second.withPut(index) { expected[Array($0)] = Array($1) } }
                for (key, value) in expected.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                    try txn.put(direct, key: key, value: value)
                }
                try first.writeSorted(into: merged, in: txn, mergedWith: second)
            }
        }
        let written = try RebuildPathTests.contents(of: merged, in: storage)
        #expect(written.count > 20)
        #expect(written == (try RebuildPathTests.contents(of: direct, in: storage)))
    }

    @Test func theInMemoryAggregateWriterReadsWhatItWrote() throws {
        var facts = SortedPuts()
        let stored = RowKey("days", "k|2025-06")
        var value = ByteWriter()
        FactValue.write(eventId: AggregateWriter<FunderProjection>.noEvent, correctedAt: nil, to: &value)
        FunderProjection.encode(.dayTotals(["services": 2]), to: &value)
        facts.add(key: FactKey.key(stored, position: 3, placement: 0), value: value.bytes)
        facts.sort()

        var aggregates = AggregateWriter<FunderProjection>(inMemoryOver: facts)
        #expect(try aggregates.fact(stored, slot: 3) == .dayTotals(["services": 2]))
        #expect(try aggregates.fact(stored, slot: 4) == nil)
        try aggregates.put(.dayTotals(["services": 5]), in: stored, slot: 4)
        #expect(try aggregates.fact(stored, slot: 4) == .dayTotals(["services": 5]))
        try aggregates.put(.dayTotals(["services": 6]), in: stored, slot: 4)
        #expect(try aggregates.fact(stored, slot: 4) == .dayTotals(["services": 6]))
        try aggregates.delete(stored, slot: 3)
        #expect(try aggregates.fact(stored, slot: 3) == nil)
        // Put, then removed: neither written nor listed as removed from the facts' own.
        try aggregates.put(.dayTotals(["services": 1]), in: stored, slot: 9)
        try aggregates.delete(stored, slot: 9)
        #expect(try aggregates.fact(stored, slot: 9) == nil)

        let gathered = aggregates.gathered()
        let puts = gathered.puts
        #expect(Set(gathered.removed) == [FactKey.key(stored, position: 3, placement: 0), FactKey.key(stored, position: 9, placement: 0)])
        #expect(gathered.tables == ["days"])
        #expect(puts.count == 1)
        puts.withPut(0) { key, value in
            #expect(Array(key) == FactKey.key(stored, position: 4, placement: 0))
            var reader = ByteReader(value)
            #expect((try? FactValue.header(&reader)) != nil)
            #expect((try? FunderProjection.decode(from: &reader)) == .dayTotals(["services": 6]))
        }
    }

    @Test func theSorterHandsOverEveryBuildOnceItIsSorted() throws {
        final class Build: EmptyModelBuilding, @unchecked Sendable {
            let queuedPuts: Int
            private let lock = NSLock()
            private var sortedFlag = false
            var isSorted: Bool { lock.withLock { sortedFlag } }
            init(puts: Int) { queuedPuts = puts }
            func fold(_ batch: [ProjectionEvent], prepared: any PreparedProjection, positions: EventPositions) throws {}
            func sort() {
                Thread.sleep(forTimeInterval: 0.01 * Double(queuedPuts))
                lock.withLock { sortedFlag = true }
            }
        }
        let builds = [Build(puts: 1), Build(puts: 9), Build(puts: 3), Build(puts: 0)]
        let sorted = BuildSorter.sortInBackground(builds)
        var handed: [Int] = []
        for _ in builds.indices {
            let index = try #require(try sorted.take())
            #expect(builds[index].isSorted)
            handed.append(index)
        }
        #expect(handed.sorted() == [0, 1, 2, 3])
        // The quickest are written first instead of waiting behind the largest.
        #expect(handed.last == 1)
    }
}

/// A projection whose aggregate (`totals/all`, slot 1) sums its `items` rows onto what the
/// model holds under that key, where an event also placed a fact: the in-memory build folds
/// its aggregates from the `items` rows alone, and must notice it read another table that
/// holds facts and fold again over every fact.
private enum CollidingProjection: FactProjection {
    static let name = "colliding"
    static let payloadTypes: Set<String> = []
    static func placements(of event: ProjectionEvent) -> [(RowKey, Int)] { [] }
    static func encode(_ fact: Int, to writer: inout ByteWriter) { writer.write(int: fact) }
    static func decode(from reader: inout ByteReader) throws(ByteReaderError) -> Int { try reader.int() }
    static var aggregatedTable: String? { "items" }

    static let totals = RowKey("totals", "all")

    static func updateAggregates(_ changes: [RowChange<Int>], in aggregates: inout AggregateWriter<CollidingProjection>) throws {
        var total = try aggregates.fact(totals, slot: 1) ?? 0
        for change in changes { total += change.after.map(\.fact).reduce(0, +) }
        try aggregates.put(total, in: totals, slot: 1)
    }
}

@Suite struct InMemoryAggregateFallbackTests {
    @Test func anAggregateThatReadsAnotherTablesFactsSeesThem() async throws {
        try await withTemporaryStore { store, directory in try Self.check(store: store, directory: directory) }
    }

    private static func check(store: EventStore, directory: TemporaryDirectory) throws {
        var builder = EmptyModelBuilder<CollidingProjection>()
        func event(_ position: UInt64) -> ProjectionEvent {
            ProjectionEvent(
                position: position, streamId: "s-1", eventId: UUID(), eventType: "test", recordedAt: Timestamp(microsecondsSinceEpoch: 0),
                occurredAt: Timestamp(microsecondsSinceEpoch: 0), actor: "u-1", event: nil)
        }
        let storage = try ProjectionStorage(directory: directory.child("p"))
        defer { storage.close() }
        let positions = EventPositions(store: store)
        // Position 1's fact in `totals/all` has the key of the aggregate's slot 1.
        try builder.apply(.place([(CollidingProjection.totals, 100)]), of: event(1), positions: positions)
        try builder.apply(.place([(RowKey("items", "a"), 5), (RowKey("items", "b"), 7)]), of: event(2), positions: positions)
        try builder.sort()
        let databases = try storage.databases(CollidingProjection.name, version: 1)
        try storage.environment.write { txn in try builder.write(in: txn, databases: databases) }
        let total = try storage.environment.read { txn in
            try ModelReader<CollidingProjection>(txn: txn, databases: databases).entries(CollidingProjection.totals)
        }
        #expect(total.map(\.fact) == [112])
    }
}
