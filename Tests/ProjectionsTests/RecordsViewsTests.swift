import EventStore
import Events
import Foundation
import HarbourTestSupport
import LMDB
@testable import Projections
import Testing

/// Views of a client file are indexed by the log's access stream, not the client's row of the
/// records model: the row read for the client's referrals on every view stays the size of the
/// client's own history, and the audit trail still lists every view once.
@Suite struct RecordsViewsTests {
    @Test func viewsStayOutOfTheClientsRowAndStayInTheirAuditTrail() async throws {
        try await withTemporaryStore { store in
            let log = LogWriter(store: store)
            let registered = try await log.record(Make.client("c-1", on: day("2025-05-01"), born: nil), actor: "u-ana")
            let referral = try await log.record(Make.referral("r-1", client: "c-1", on: day("2025-05-02"), partner: nil), actor: "u-ana")
            var views: [UInt64] = []
            for _ in 0..<5 { views.append(try await log.record(ClientFileViewed(clientId: ClientID("c-1"), purpose: .casework), actor: "u-ana").position) }
            let host = try ProjectionHost.open(store: store)
            try await host.catchUp()
            let models = await host.models

            #expect(try models.records.entries(RowKey("client", "c-1")).map(\.position) == [registered.position, referral.position])
            #expect(try models.referralIds(ofClient: "c-1") == ["r-1"])
            #expect(try models.records.entries(RecordsProjection.actorRow("u-ana")).count == 7)
            let trail = try models.auditTrail(filter: AuditFilter(clientId: "c-1")).entries.map(\.position)
            #expect(trail == [registered.position, referral.position] + views)
            #expect(try models.clientFile(clientId: "c-1").entries.filter { $0.record.eventType == ClientFileViewed.eventType }.count == 5)
            await host.close()
        }
    }

    @Test func aClientFileAsOfTheModelsLeavesOutLaterViews() async throws {
        try await withTemporaryStore { store in
            let log = LogWriter(store: store)
            try await log.record(Make.client("c-1", on: day("2025-05-01"), born: nil))
            let seen = try await log.record(ClientFileViewed(clientId: ClientID("c-1"), purpose: .casework))
            let host = try ProjectionHost.open(store: store)
            try await host.catchUp()
            let models = await host.models
            try await log.record(ClientFileViewed(clientId: ClientID("c-1"), purpose: .audit))

            #expect(try models.clientFile(clientId: "c-1").entries.map(\.record.position) == [1, seen.position])
            let asOf = try ReadModels.asOf(position: seen.position, store: store)
            #expect(try asOf.auditTrail(filter: AuditFilter(clientId: "c-1")).entries.map(\.position) == [1, seen.position])
            await host.close()
        }
    }

    /// Version 2 filed views in the client's row too, and answers while version 3 is built in
    /// its shadow: a view found in both places is listed once.
    @Test func aViewFiledInTheClientsRowByVersionTwoIsListedOnce() async throws {
        try await withTemporaryStore { store, directory in
            let log = LogWriter(store: store)
            try await log.record(Make.client("c-1", on: day("2025-05-01"), born: nil))
            let view = try await log.record(ClientFileViewed(clientId: ClientID("c-1"), purpose: .casework))
            let path = directory.child("projections")
            let built = try ProjectionHost.open(store: store, options: .init(directory: path))
            try await built.catchUp()
            await built.close()
            let storage = try ProjectionStorage(directory: path)
            let records = try storage.databases(RecordsProjection.name, version: ProjectionRunners.currentVersions[RecordsProjection.name]!)
            var key = ByteWriter()
            var value = ByteWriter()
            RecordsProjection.encodeStored(
                .event, row: RowKey("client", "c-1"), position: view.position, placement: 1, eventId: view.eventId, correctedAt: nil,
                key: &key, value: &value)
            try storage.environment.write { txn in try txn.put(records.facts, key: key.bytes, value: value.bytes) }
            storage.close()

            let host = try ProjectionHost.open(store: store, options: .init(directory: path))
            let models = await host.models
            #expect(try models.records.entries(RowKey("client", "c-1")).map(\.position) == [1, view.position])
            #expect(try models.auditTrail(filter: AuditFilter(clientId: "c-1")).entries.map(\.position) == [1, view.position])
            #expect(try models.clientFile(clientId: "c-1").entries.count == 2)
            await host.close()
        }
    }
}
