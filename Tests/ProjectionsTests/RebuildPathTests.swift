import EventStore
import Foundation
import HarbourTestSupport
import LMDB
@testable import Projections
import Testing

/// The rebuild path's own pieces: decoding on a thread of its own, puts written sorted, and a
/// large-batch rebuild that leaves the very bytes an event-by-event fold leaves.
@Suite struct RebuildPathTests {
    @Test(arguments: [UInt64(3), 9, 27])
    func sortedPutsLeaveWhatOnePutAtATimeLeaves(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try ProjectionStorage(directory: directory.child("p"))
        defer { storage.close() }
        let sorted = try storage.databases("sorted", version: 1).facts
        let direct = try storage.databases("direct", version: 1).facts
        var random = SeededGenerator(state: seed)
        // Short keys from a small alphabet: many land before, between and after the existing
        // ones, some repeat within a batch (the later value must win), some are prefixes.
        func key() -> [UInt8] { (0..<Int.random(in: 1...4, using: &random)).map { _ in UInt8.random(in: 97...100, using: &random) } }
        for round in 0..<4 {
            let puts = (0..<(40 + round * 30)).map { index in (key(), [UInt8(round), UInt8(index)]) }
            try storage.environment.write { txn in
                var buffer = SortedPuts()
                for (key, value) in puts {
                    buffer.add(key: key, value: value)
                    try txn.put(direct, key: key, value: value)
                }
                try buffer.write(into: sorted, in: txn)
                #expect(buffer.isEmpty)
            }
        }
        let written = try Self.contents(of: sorted, in: storage)
        #expect(written.count > 50)
        #expect(written == (try Self.contents(of: direct, in: storage)))
    }

    @Test func theFirstBatchIsSmallSoTheWriterStartsEarly() async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 6, store: store)
            try await history.record(events: 120)
            let storage = try ProjectionStorage(directory: directory.child("p"))
            defer { storage.close() }
            let runners = try ProjectionRunners(storage: storage, versions: [:])
            let reader = BatchReader(store: store, runners: runners, batchEvents: 50)
            let pipeline = DecodePipeline(
                store: store, decoder: reader.decoder, preparer: runners.preparer, from: 1, through: 120, batchEvents: 50,
                firstBatchEvents: 5)
            var batches: [[UInt64]] = []
            while let batch = try pipeline.next() { batches.append(batch.events.map(\.position)) }
            pipeline.stop()
            #expect(batches.map(\.count) == [5, 50, 50, 15])
            #expect(batches.flatMap { $0 } == Array(1...120))
        }
        #expect(DecodePipeline.firstBatchEventsMax <= 4_096)
    }

    @Test func thePipelineHandsOverTheStretchInOrderAndStopsWhenAsked() async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 5, store: store)
            try await history.record(events: 120)
            let storage = try ProjectionStorage(directory: directory.child("p"))
            defer { storage.close() }
            let reader = BatchReader(store: store, runners: try ProjectionRunners(storage: storage, versions: [:]), batchEvents: 7)
            let whole = try #require(reader.pipeline(head: store.headPosition, maxEvents: 100))
            var batches: [[UInt64]] = []
            while let batch = try whole.next() { batches.append(batch.events.map(\.position)) }
            whole.stop()
            #expect(batches.flatMap { $0 } == Array(1...100))
            #expect(batches.allSatisfy { $0.count <= 7 } && batches.count == 15)

            // Stopped after one batch, the decoder lets go of the store without a deadlock.
            let early = try #require(reader.pipeline(head: store.headPosition, maxEvents: .max))
            let first = try #require(try early.next())
            early.stop()
            #expect(first.events.map(\.position) == Array(1...7))
            #expect(reader.pipeline(head: 0, maxEvents: .max) == nil)
        }
    }

    @Test func aHandoffDeliversWhatWasQueuedBeforeTheFailureThenTheFailure() throws {
        struct Broken: Error {}
        let handoff = Handoff<Int>(depth: 3)
        #expect(handoff.put(1) && handoff.put(2))
        handoff.finish(failure: Broken())
        #expect(try handoff.take() == 1)
        #expect(try handoff.take() == 2)
        #expect(throws: Broken.self) { _ = try handoff.take() }

        let stopped = Handoff<Int>(depth: 1)
        #expect(stopped.put(1))
        stopped.stop()
        #expect(!stopped.put(2))
        #expect(try stopped.take() == nil)
    }

    @Test func aBatchPastTheCheckpointsIsNotApplied() async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 8, store: store)
            try await history.record(events: 60)
            let storage = try ProjectionStorage(directory: directory.child("p"))
            defer { storage.close() }
            let runners = try ProjectionRunners(storage: storage, versions: [:])
            let reader = BatchReader(store: store, runners: runners, batchEvents: 10)
            #expect(try reader.applyNext(head: store.headPosition, maxEvents: 30, storage: storage) == 10)
            func batch(_ positions: ClosedRange<UInt64>) throws -> PreparedBatch {
                var events: [ProjectionEvent] = []
                try store.scan(from: positions.lowerBound) { record in
                    guard record.position <= positions.upperBound else { return false }
                    events.append(try reader.decoder.decode(record))
                    return true
                }
                return runners.preparer.prepare(events)
            }
            // Next is 11: a batch from 11 continues, one overlapping the checkpoint is harmless,
            // one from 20 would leave a gap (as after a rebuild reset the checkpoints).
            #expect(reader.continues(try batch(11...15)))
            #expect(reader.continues(try batch(5...15)))
            #expect(!reader.continues(try batch(20...25)))
        }
    }

    @Test(arguments: [UInt64(6), 10, 17])
    func aLargeBatchRebuildLeavesTheBytesOfAnEventByEventFold(seed: UInt64) async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: seed, store: store)
            try await history.record(events: 250)
            let incremental = try ProjectionHost.open(
                store: store, options: .init(directory: directory.child("one"), batchEvents: 1, buildsEmptyModelsInMemory: false))
            try await incremental.catchUp()
            let bulk = try ProjectionHost.open(
                store: store, options: .init(directory: directory.child("bulk"), batchEvents: 50_000, buildsEmptyModelsInMemory: false))
            try await bulk.catchUp()
            let expected = try Self.rawModels(await incremental.storage)
            #expect(expected.values.contains { !$0.isEmpty })
            #expect(try Self.rawModels(await bulk.storage) == expected)
            await incremental.close()
            await bulk.close()
        }
    }

    /// Every entry of every projection database (facts, locations, index) and the checkpoints.
    static func rawModels(_ storage: ProjectionStorage) throws -> [String: [[UInt8]]] {
        var models: [String: [[UInt8]]] = ["checkpoints": try contents(of: storage.checkpoints, in: storage)]
        for (name, version) in ProjectionRunners.currentVersions {
            let databases = try storage.databases(name, version: version)
            models[name] = try Self.contents(of: databases.facts, in: storage)
            models[name + "/locations"] = try Self.contents(of: databases.locations, in: storage)
            models[name + "/index"] = try Self.contents(of: databases.index, in: storage)
        }
        return models
    }

    /// Each entry as its key, a 0xFF 0x00 marker and its value, in key order.
    static func contents(of database: Database, in storage: ProjectionStorage) throws -> [[UInt8]] {
        try storage.environment.read { txn in
            try txn.withCursor(database) { cursor in
                var entries: [[UInt8]] = []
                var entry = try cursor.first()
                while let (key, value) = entry {
                    entries.append(Array(key) + [0xFF, 0x00] + Array(value))
                    entry = try cursor.next()
                }
                return entries
            }
        }
    }
}
