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
            // Incremental: one event per transaction, caught up after every few appends (the
            // first catch-up too: not built in memory, so it checks the other paths).
            let incremental = try ProjectionHost.open(
                store: store, options: .init(directory: directory.child("incremental"), batchEvents: 1, buildsEmptyModelsInMemory: false))
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
                // A rebuild that stops at the cut sees exactly the log up to it (built batch by
                // batch, where the as-of model is built in memory).
                let host = try ProjectionHost.open(
                    store: store, options: .init(directory: directory.child("cut-\(cut)"), buildsEmptyModelsInMemory: false))
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

    /// The same history with every personal field sealed, and the nested payloads again at
    /// schema version 1 (valid in clear, upcast by the registry): sealed fields are read as
    /// sealed boxes, and old versions are left to the registry's upcasters.
    @Test func leanAndFullDecodingAgreeOnSealedAndOldPayloads() async throws {
        try await withTemporaryStore { source in
            var history = RandomHistory(seed: 78, store: source)
            try await history.record(events: 300)
            try await withTemporaryStore { store in
                try await copySealed(from: source, to: store)
                var lean: [String: Int] = [:]
                var deferredOld = 0
                try store.scan { record in
                    let full = try EventRegistry.standard.decode(eventType: record.eventType, schemaVersion: record.schemaVersion, payload: record.payload)
                    let shortcut = ReadModels.leanDecoded(record)
                    if record.schemaVersion == 1, Self.nested.contains(record.eventType) {
                        #expect(shortcut == nil, "\(record.eventType) v1 at \(record.position)")
                        deferredOld += 1
                    } else if let shortcut {
                        lean[record.eventType, default: 0] += 1
                        #expect(shortcut.isEqual(to: full), "\(record.eventType) at \(record.position)")
                    }
                    return true
                }
                for type in Self.nested + [ServiceDelivered.eventType, FollowUpScheduled.eventType] {
                    #expect(lean[type, default: 0] > 0, "no sealed \(type) was read by the lean decoder")
                }
                #expect(deferredOld > 10)
            }
        }
    }

    static let nested = [ClientRegistered.eventType, NeedsAssessed.eventType, ReferralMade.eventType]

    /// Appends every event of `source` to `store` sealed with ``FakeSealer``, and each nested
    /// payload once more in clear at schema version 1; then every catalogue example (notes,
    /// households, duplicate overrides) in clear and sealed.
    private func copySealed(from source: EventStore, to store: EventStore) async throws {
        var events: [(stream: String, event: any DomainEvent)] = []
        for type in EventCatalogue.allTypes {
            let example = type.example
            events.append((example.streamId, example))
            _ = try await store.append(
                [ProposedEvent(eventType: example.eventType, schemaVersion: example.schemaVersion, actor: "u-w1", payload: try EventCoding.encode(any: example))],
                to: example.streamId)
        }
        try source.scan { record in
            events.append((record.streamId, try EventRegistry.standard.decode(eventType: record.eventType, schemaVersion: record.schemaVersion, payload: record.payload)))
            return true
        }
        for (stream, event) in events {
            let context = SealingContext(sealer: FakeSealer(), keyId: stream, owner: stream)
            var proposed = [
                ProposedEvent(eventType: event.eventType, schemaVersion: event.schemaVersion, actor: "u-w1",
                    payload: try EventCoding.sealedPayload(of: event, context: context))
            ]
            if Self.nested.contains(event.eventType) {
                proposed.append(ProposedEvent(eventType: event.eventType, schemaVersion: 1, actor: "u-w1", payload: try EventCoding.encode(any: event)))
            }
            _ = try await store.append(proposed, to: stream)
        }
    }
}

/// Seals by wrapping the plaintext unencrypted: the lean decoder never opens a box, so only the
/// shape of a sealed field matters here.
private struct FakeSealer: PersonalDataSealer {
    func seal(_ plaintext: Data, keyId: String, owner: String) throws -> SealedBox { SealedBox(keyId: keyId, box: plaintext) }
    func ensureKey(_ keyId: String, owner: String) throws {}
    func makeKeysDurable() throws {}
}
