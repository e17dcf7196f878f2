import EventStore
import Events
import Foundation
import HarbourTestSupport
import Projections
import Testing

/// A new projection version is rebuilt beside the old one, which keeps answering, and then
/// replaces it in one transaction.
@Suite struct VersionBumpTests {
    @Test func aBumpRebuildsInShadowWhileTheOldVersionAnswers() async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 17, store: store)
            try await history.record(events: 120)
            let path = directory.child("projections")
            let v1 = try ProjectionHost.open(store: store, options: .init(directory: path))
            try await v1.catchUp()
            let oldModels = await v1.models
            let oldCaseload = try oldModels.caseload(worker: "u-w1", today: day("2025-12-31"))
            await v1.close()

            try await history.record(events: 60)
            let v2 = try ProjectionHost.open(store: store, options: .init(directory: path, batchEvents: 25, versions: ["caseload": 3]))
            let building = await v2.status().first { $0.name == "caseload" }!
            #expect(building.rebuildingInShadow && building.version == 3 && building.servingVersion == 2)
            // Part way through the shadow rebuild, queries still get the old version's answer.
            try await v2.catchUp(maxEvents: 50)
            #expect(await v2.status().first { $0.name == "caseload" }!.rebuildingInShadow)
            #expect(try await v2.models.caseload(worker: "u-w1", today: day("2025-12-31")) == oldCaseload)

            try await v2.catchUp()
            let swapped = await v2.status().first { $0.name == "caseload" }!
            #expect(!swapped.rebuildingInShadow && swapped.servingVersion == 3 && swapped.lag == 0)
            let fresh = try ReadModels.asOf(position: store.headPosition, store: store)
            #expect(await v2.models.sameModels(as: fresh))
            await v2.close()

            // The swap is on disk: reopening at version 3 serves version 3 with nothing to do.
            let reopened = try ProjectionHost.open(store: store, options: .init(directory: path, versions: ["caseload": 3]))
            #expect(await reopened.status().allSatisfy { !$0.rebuildingInShadow && $0.lag == 0 })
            #expect(await reopened.models.sameModels(as: fresh))
            await reopened.close()
        }
    }

    @Test func rebuildOnRequestStartsOverAndArrivesAtTheSameModels() async throws {
        try await withTemporaryStore { store, directory in
            var history = RandomHistory(seed: 23, store: store)
            try await history.record(events: 100)
            let host = try ProjectionHost.open(store: store, options: .init(directory: directory.child("p")))
            try await host.catchUp()
            let before = try StoredModels(await host.models)
            try await host.rebuild(names: ["funder", "records"])
            #expect(try StoredModels(await host.models) == before)
            #expect(before.funder.count > 10 && before.records.count > 10)
            await #expect(throws: ProjectionError.self) { try await host.rebuild(names: ["nonesuch"]) }
            await host.close()
        }
    }
}
