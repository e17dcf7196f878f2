import EventStore
import Events
import Foundation
import HarbourTestSupport
import Projections
import Testing

/// The read models must not depend on how the log reached them: event by event, in one
/// rebuild, or in pieces with restarts in between.
@Suite struct RebuildEquivalenceTests {
    static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34]

    @Test(arguments: seeds)
    func incrementalEqualsRebuildEqualsInterrupted(seed: UInt64) async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: seed, store: store)
            // Incremental: one event per transaction, caught up after every few appends.
            let incremental = try ProjectionHost.open(store: store, options: .init(directory: directory.child("incremental"), batchEvents: 1))
            try await history.record(events: 40)
            try await incremental.catchUp()
            try await history.record(events: 160)
            try await incremental.catchUp()

            let rebuilt = try ProjectionHost.open(store: store, options: .init(directory: directory.child("rebuilt")))
            try await rebuilt.catchUp()
            let reference = await rebuilt.models
            #expect(reference.position == store.headPosition)
            #expect(await incremental.models.sameModels(as: reference))

            let interrupted = try await rebuildWithRestarts(store: store, directory: directory.child("interrupted"), seed: seed)
            #expect(interrupted == (try StoredModels(reference)))
            #expect(try StoredModels(await incremental.models) == StoredModels(reference))
            #expect(try ReadModels.asOf(position: store.headPosition, store: store).sameModels(as: reference))
            await incremental.close()
            await rebuilt.close()
        }
    }

    /// Catches up a random number of events at a time, closing and reopening in between.
    private func rebuildWithRestarts(store: EventStore, directory: String, seed: UInt64) async throws -> StoredModels {
        var random = SeededGenerator(state: seed &* 7_919)
        while true {
            let batch = Int.random(in: 1...40, using: &random)
            let host = try ProjectionHost.open(store: store, options: .init(directory: directory, batchEvents: batch))
            try await host.catchUp(maxEvents: Int.random(in: 1...90, using: &random))
            let models = try StoredModels(await host.models)
            let lag = await host.status().map(\.lag).max() ?? 0
            await host.close()
            if lag == 0 { return models }
        }
    }

    @Test func reopeningRestoresTheModelsExactly() async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 99, store: store)
            try await history.record(events: 150)
            let options = ProjectionHost.Options(directory: directory.child("projections"), batchEvents: 37)
            let first = try ProjectionHost.open(store: store, options: options)
            try await first.catchUp()
            let before = try StoredModels(await first.models)
            let statusBefore = await first.status()
            await first.close()

            let second = try ProjectionHost.open(store: store, options: options)
            #expect(try StoredModels(await second.models) == before)
            #expect(await second.status() == statusBefore)
            #expect(try await second.catchUp() == 0)
            await second.close()
        }
    }

    @Test(arguments: [UInt64(4), 7, 11])
    func asOfAPositionEqualsARebuildOfTheLogCutThere(seed: UInt64) async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: seed, store: store)
            try await history.record(events: 150)
            var random = SeededGenerator(state: seed)
            for cut in (0..<3).map({ _ in UInt64.random(in: 1...store.headPosition, using: &random) }) {
                let asOf = try ReadModels.asOf(position: cut, store: store)
                // A rebuild that stops at the cut sees exactly the log up to it.
                let host = try ProjectionHost.open(store: store, options: .init(directory: directory.child("cut-\(cut)")))
                try await host.catchUp(maxEvents: Int(cut))
                let rebuilt = await host.models
                #expect(rebuilt.position == cut)
                #expect(asOf.sameModels(as: rebuilt))
                let june = try ReportPeriod.month(year: 2025, month: 4)
                #expect((try? asOf.funderReport(contract: "k-1", period: june)) == (try? rebuilt.funderReport(contract: "k-1", period: june)))
                await host.close()
            }
        }
    }

    @Test func asOfARecordedDateUsesTheLastEventRecordedByThen() async throws {
        try await withTemporaryStore { store in
            var history = RandomHistory(seed: 3, store: store)
            try await history.record(events: 30)
            let cutTime = Timestamp.now()
            try await Task.sleep(for: .milliseconds(5))
            try await history.record(events: 30)
            let cut = try store.position(recordedAtOrBefore: cutTime)
            let byDate = try ReadModels.asOf(recordedAt: cutTime, store: store)
            #expect(byDate.position == cut)
            #expect(byDate.sameModels(as: try ReadModels.asOf(position: cut, store: store)))
            #expect(cut < store.headPosition)
        }
    }
}

/// The lean decoder is a shortcut, never a different answer.
@Suite struct LeanDecodingTests {
    @Test func leanAndFullDecodingAgreeOnEveryEvent() async throws {
        try await withTemporaryStore { store in
            var history = RandomHistory(seed: 77, store: store)
            try await history.record(events: 300)
            var lean = 0
            try store.scan { record in
                let full = try EventRegistry.standard.decode(eventType: record.eventType, schemaVersion: record.schemaVersion, payload: record.payload)
                if let shortcut = ReadModels.leanDecoded(record) {
                    lean += 1
                    #expect(shortcut.isEqual(to: full), "\(record.eventType) at \(record.position)")
                }
                return true
            }
            #expect(lean > 50)
        }
    }
}
