import EventStore
import Events
import Foundation
import HarbourTestSupport
import LMDB
@testable import Projections
import Testing

/// Models that start empty are built in memory and written in one transaction each; what
/// lands on disk must be, byte for byte, what folding the same events one at a time leaves.
@Suite struct EmptyModelBuildTests {
    @Test(arguments: [UInt64(6), 10, 17, 29])
    func anInMemoryBuildLeavesTheBytesOfAnEventByEventFold(seed: UInt64) async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: seed, store: store)
            try await history.record(events: 300)
            let expected = try await eventByEvent(store: store, directory: directory.child("one"))
            let head = store.headPosition

            let storage = try ProjectionStorage(directory: directory.child("memory"))
            defer { storage.close() }
            let runners = try ProjectionRunners(storage: storage, versions: [:])
            let reader = BatchReader(store: store, runners: runners, batchEvents: 10)
            #expect(try reader.buildEmptyModels(head: head, maxEvents: .max, storage: storage) == Int(head))
            #expect(runners.all.allSatisfy { $0.checkpoint == head })
            // Nothing is empty any more: a second call leaves the models to the batches.
            #expect(try reader.buildEmptyModels(head: head, maxEvents: .max, storage: storage) == 0)
            #expect(try RebuildPathTests.rawModels(storage) == expected)

            let asOf = try ReadModels.asOf(position: head, store: store)
            #expect(try RebuildPathTests.rawModels(asOf.source.storage) == expected)
        }
    }

    @Test func aBuildCutShortLeavesTheRestToTheBatches() async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 41, store: store)
            try await history.record(events: 300)
            let expected = try await eventByEvent(store: store, directory: directory.child("one"))
            let head = store.headPosition

            let storage = try ProjectionStorage(directory: directory.child("memory"))
            defer { storage.close() }
            let runners = try ProjectionRunners(storage: storage, versions: [:])
            let reader = BatchReader(store: store, runners: runners, batchEvents: 25)
            #expect(try reader.buildEmptyModels(head: head, maxEvents: .max, storage: storage, eventsMax: 110) == 110)
            #expect(runners.all.allSatisfy { $0.checkpoint == 110 })
            while try reader.applyNext(head: head, maxEvents: .max, storage: storage) > 0 {}
            #expect(try RebuildPathTests.rawModels(storage) == expected)
        }
    }

    @Test func onlyTheModelsThatAreEmptyAreBuiltInMemory() async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 43, store: store)
            try await history.record(events: 150)
            let host = try ProjectionHost.open(store: store, options: .init(directory: directory.child("p"), batchEvents: 20))
            #expect(try await host.catchUp() == Int(store.headPosition))
            try await history.record(events: 150)
            try await host.catchUp()
            // The funder model starts over from nothing while the others stay where they are.
            try await host.rebuild(names: ["funder"])
            let expected = try await eventByEvent(store: store, directory: directory.child("one"))
            #expect(try RebuildPathTests.rawModels(await host.storage) == expected)
            await host.close()
        }
    }

    /// A transaction that fills the map is aborted and its body runs again once the map has
    /// grown: the second run must write the whole model again (it once wrote no locations).
    @Test func aWriteThatRunsAgainWritesTheSameModel() async throws {
        struct Aborted: Error {}
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 47, store: store)
            try await history.record(events: 200)
            let expected = try await eventByEvent(store: store, directory: directory.child("one"))

            let storage = try ProjectionStorage(directory: directory.child("memory"))
            defer { storage.close() }
            let runners = try ProjectionRunners(storage: storage, versions: [:])
            let reader = BatchReader(store: store, runners: runners, batchEvents: 10)
            var events: [ProjectionEvent] = []
            try store.scan { record in
                events.append(try reader.decoder.decode(record))
                return true
            }
            let prepared = runners.preparer.prepare(events)
            let positions = EventPositions(store: store)
            for (runner, projection) in zip(runners.all, prepared.projections) {
                let build = runner.startEmptyBuild()
                try build.fold(events, prepared: projection, positions: positions)
                #expect(throws: Aborted.self) {
                    try storage.environment.write { txn in
                        _ = try runner.write(build, in: txn, storage: storage)
                        throw Aborted()
                    }
                }
                let checkpoint = try storage.environment.write { txn in try runner.write(build, in: txn, storage: storage) }
                runner.committed(checkpoint: checkpoint)
            }
            #expect(try RebuildPathTests.rawModels(storage) == expected)
        }
    }

    /// A service the partnership view ignores (a general component), corrected again and again
    /// into one it reads: the first replacement lands at the correction's position, and each
    /// later correction must find it there and replace it, not add another.
    @Test func aReplacementFiledAtItsCorrectionIsFoundByTheNextCorrection() async throws {
        try await withTemporaryStore { store, directory in
            let log = LogWriter(store: store)
            try await log.record(Make.contract("k-1"))
            try await log.record(Make.client("A", on: day("2025-06-01"), born: day("1990-01-01")))
            let general = try await log.record(Make.service("A", "s-1", .needsAssessmentAndReferral, on: day("2025-06-05"), minutes: 60))
            for minutes in [30, 45, 90] {
                try await log.correct(general, with: Make.service("A", "s-1", .employmentRelated, on: day("2025-06-05"), minutes: minutes))
            }
            let expected = try await eventByEvent(store: store, directory: directory.child("one"))
            let asOf = try ReadModels.asOf(position: store.headPosition, store: store)
            #expect(try RebuildPathTests.rawModels(asOf.source.storage) == expected)
            #expect(try asOf.partnership.allRows().values.map(\.count).reduce(0, +) == 1)
        }
    }

    /// The raw models after folding the whole log one event per transaction.
    private func eventByEvent(store: EventStore, directory: String) async throws -> [String: [[UInt8]]] {
        let host = try ProjectionHost.open(store: store, options: .init(directory: directory, batchEvents: 1, buildsEmptyModelsInMemory: false))
        try await host.catchUp()
        let models = try RebuildPathTests.rawModels(await host.storage)
        await host.close()
        #expect(models.values.contains { !$0.isEmpty })
        return models
    }
}
