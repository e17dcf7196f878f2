import EventStore
import Events
import Foundation
import HarbourTestSupport
import LMDB
@testable import Projections
import Testing

/// The runtime's pieces driven directly, so a test can replay a batch, damage a stored fact,
/// or look at the locations index.
private struct DirectModels {
    let store: EventStore
    let storage: ProjectionStorage
    let runners: ProjectionRunners
    let batches: BatchReader

    init(store: EventStore, directory: String, batchEvents: Int = 10_000) throws {
        self.store = store
        storage = try ProjectionStorage(directory: directory)
        runners = try ProjectionRunners(storage: storage, versions: [:])
        batches = BatchReader(store: store, runners: runners, batchEvents: batchEvents)
    }

    @discardableResult
    func catchUp(maxEvents: Int = .max) throws -> Int {
        var applied = 0
        while applied < maxEvents {
            let step = try batches.applyNext(head: store.headPosition, maxEvents: maxEvents - applied, storage: storage)
            guard step > 0 else { break }
            applied += step
        }
        return applied
    }

    var models: ReadModels { ReadModels(store: store, source: runners.source, checkpoints: runners.servingCheckpoints) }

    /// Events `positions` as the runtime decodes them.
    func events(_ positions: ClosedRange<UInt64>) throws -> [ProjectionEvent] {
        var events: [ProjectionEvent] = []
        try store.scan(from: positions.lowerBound) { record in
            guard record.position <= positions.upperBound else { return false }
            events.append(try batches.decoder.decode(record))
            return true
        }
        return events
    }

    func databases<P: FactProjection>(_ projection: P.Type) throws -> ModelDatabases {
        try storage.databases(P.name, version: ProjectionRunners.currentVersions[P.name]!)
    }
}

@Suite struct StorageTests {
    @Test func aCorrectionMovesAFactToAnotherRowAndBackAgain() async throws {
        try await withTemporaryStore { store, directory in
            let log = LogWriter(store: store)
            try await log.record(Make.contract("k-1"))
            try await log.record(Make.client("A", on: day("2025-06-01"), born: day("1990-01-01")))
            let service = try await log.record(Make.service("A", "s-1", .languageTraining, on: day("2025-06-05"), minutes: 60))
            let toJuly = try await log.correct(service, with: Make.service("A", "s-1", .languageTraining, on: day("2025-07-02"), minutes: 60))
            let direct = try DirectModels(store: store, directory: directory.child("p"))
            try direct.catchUp()
            let june = FunderProjection.servicesRow(contract: "k-1", month: day("2025-06-01"))
            let july = FunderProjection.servicesRow(contract: "k-1", month: day("2025-07-01"))
            #expect(try direct.models.funder.entries(june).isEmpty)
            let moved = try #require(try direct.models.funder.entries(july).first)
            #expect(moved.position == service.position && moved.correctedAt == toJuly.position && moved.eventId == service.eventId)
            #expect(try direct.models.caseload.entries(RowKey("client", "A")).map(\.fact) == [.contact(day("2025-07-02"))])

            // A second correction of the same original finds the replacement through the
            // locations index and moves it back.
            let back = try await log.correct(service, with: Make.service("A", "s-1", .languageTraining, on: day("2025-06-09"), minutes: 45))
            try direct.catchUp()
            #expect(try direct.models.funder.entries(july).isEmpty)
            let returned = try #require(try direct.models.funder.entries(june).first)
            #expect(returned.position == service.position && returned.correctedAt == back.position)
            let report = try direct.models.funderReport(contract: "k-1", period: try .month(year: 2025, month: 6))
            let detail = try direct.models.funderReportDetail(contract: "k-1", period: try .month(year: 2025, month: 6))
            #expect(report.value("minutes") == 45 && detail.sources["minutes"] == [service.position, back.position])
            direct.storage.close()
        }
    }

    @Test func aVoidRemovesEveryFactAndItsLocations() async throws {
        try await withTemporaryStore { store, directory in
            let log = LogWriter(store: store)
            try await log.record(Make.contract("k-1"))
            let service = try await log.record(Make.service("A", "s-1", .languageTraining, on: day("2025-06-05"), minutes: 60))
            let direct = try DirectModels(store: store, directory: directory.child("p"))
            try direct.catchUp()
            #expect(try direct.models.partnership.entries(RowKey("client", "A")).count == 1)
            try await log.void(service)
            try direct.catchUp()
            #expect(try direct.models.funder.entries(FunderProjection.servicesRow(contract: "k-1", month: day("2025-06-01"))).isEmpty)
            #expect(try direct.models.caseload.entries(RowKey("client", "A")).isEmpty)
            #expect(try direct.models.partnership.entries(RowKey("client", "A")).isEmpty)
            // The audit index keeps both the service and its void.
            #expect(try direct.models.records.entries(RowKey("client", "A")).map(\.position) == [service.position, store.headPosition])
            let funder = try direct.databases(FunderProjection.self)
            let location = try direct.storage.environment.read { txn in
                try txn.get(funder.locations, key: ModelWriter<FunderProjection>.idKey(service.eventId)).map { Array($0) }
            }
            #expect(location == nil)
            direct.storage.close()
        }
    }

    @Test func aBatchThatOverlapsTheCheckpointAppliesOnlyWhatIsNew() async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 41, store: store)
            try await history.record(events: 80)
            let direct = try DirectModels(store: store, directory: directory.child("restarted"))
            try direct.catchUp(maxEvents: 30)
            // As after a restart that re-reads the log from before the checkpoint: the first
            // 30 events of this batch were applied already and must not be applied again.
            try direct.runners.write(try direct.events(1...60), storage: direct.storage)
            let reference = try DirectModels(store: store, directory: directory.child("reference"))
            try reference.catchUp(maxEvents: 60)
            #expect(direct.models.position == 60)
            #expect(try StoredModels(direct.models) == StoredModels(reference.models))
            direct.storage.close()
            reference.storage.close()
        }
    }

    @Test func theCaseloadIndexMatchesTheRowsItIsDerivedFrom() async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 12, store: store)
            try await history.record(events: 200)
            let direct = try DirectModels(store: store, directory: directory.child("p"), batchEvents: 7)
            try direct.catchUp()
            var expected: [String: Int] = [:]
            for (key, entries) in try direct.models.caseload.allRows() where key.table == "client" {
                if let worker = CaseSummary(clientId: key.key, entries: entries).workerId { expected[worker, default: 0] += 1 }
            }
            #expect(!expected.isEmpty)
            #expect(try direct.models.caseloadSizes() == expected)
            direct.storage.close()
        }
    }

    @Test func aDamagedFactIsAClearErrorAndAFailedBatchWritesNothing() async throws {
        try await withTemporaryStore { store, directory in
            let log = LogWriter(store: store)
            try await log.record(Make.contract("k-1"))
            let service = try await log.record(Make.service("A", "s-1", .languageTraining, on: day("2025-06-05"), minutes: 60))
            let direct = try DirectModels(store: store, directory: directory.child("p"))
            try direct.catchUp()
            let funder = try direct.databases(FunderProjection.self)
            let caseload = try direct.databases(CaseloadProjection.self)
            let june = FunderProjection.servicesRow(contract: "k-1", month: day("2025-06-01"))
            try direct.storage.environment.write { txn in
                try txn.put(funder.facts, key: FactKey.key(june, position: service.position, placement: 0), value: [0xFF])
                var value = ByteWriter()
                FactValue.write(eventId: service.eventId, correctedAt: nil, to: &value)
                value.write(99)
                try txn.put(caseload.facts, key: FactKey.key(RowKey("client", "A"), position: service.position, placement: 0), value: value.bytes)
            }
            let error = try #require(throws: ProjectionError.self) {
                try direct.models.funderReportDetail(contract: "k-1", period: try .month(year: 2025, month: 6))
            }
            #expect(error.description.contains("services/k-1|2025-06 at position \(service.position)"))
            #expect(error.description.contains("runs past the end"))

            // Correcting the service makes the caseload read the damaged fact inside the batch:
            // the whole transaction fails, so no projection moves past the last good batch.
            let recordsBefore = try direct.models.records.allRows()
            try await log.correct(service, with: Make.service("A", "s-1", .languageTraining, on: day("2025-06-06"), minutes: 60))
            let failure = try #require(throws: ProjectionError.self) { try direct.catchUp() }
            #expect(failure.description.contains("caseload fact tag 99"))
            #expect(direct.runners.all.allSatisfy { $0.checkpoint == service.position })
            #expect(try direct.models.records.allRows() == recordsBefore)
            direct.storage.close()
        }
    }

    @Test func anEnvironmentInTheOldJSONFormatIsClearedAndRebuilt() async throws {
        try await withTemporaryStore { store, directory in
            try await LogWriter(store: store).record(Make.contract("k-1"))
            let path = directory.child("p")
            // Format 1 kept one JSON value per row under name@1 and had no format marker.
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let configuration = EnvironmentConfiguration(databasesMax: ProjectionStorage.databasesMax)
            let old = try Environment(path: path, configuration: configuration)
            let rows = try old.openDatabase(named: "funder@1")
            let active = try old.openDatabase(named: "active")
            let checkpoints = try old.openDatabase(named: "checkpoints")
            try old.write { txn in
                try txn.put(rows, key: Array("contract\u{1F}k-1".utf8), value: Array(#"[{"position":1}]"#.utf8))
                try txn.put(active, key: Array("funder".utf8), value: BigEndian.bytes(1))
                try txn.put(checkpoints, key: Array("funder@1".utf8), value: BigEndian.bytes(1))
            }
            old.close()

            let host = try ProjectionHost.open(store: store, options: .init(directory: path))
            let funder = try #require(await host.status().first { $0.name == "funder" })
            #expect(funder.servingVersion == 4 && !funder.rebuildingInShadow && funder.checkpoint == 0)
            try await host.catchUp()
            #expect(try await host.models.funder.entries(RowKey("contract", "k-1")).count == 1)
            await host.close()
            let reopened = try Environment(path: path, configuration: configuration)
            let legacy = try reopened.openDatabase(named: "funder@1")
            #expect(try reopened.read { try $0.count(legacy) } == 0)
            reopened.close()
        }
    }
}
