import Casework
import EventStore
import Events
import Foundation
import HarbourTestSupport
import Privacy
import Testing

@Suite struct RetentionRunTests {
    static let noon = Timestamp(Date(timeIntervalSince1970: 1_972_555_200))  // 2032-07-04 12:00 UTC

    @Test("retention-run erases each due client file not held, as its own event naming the rule, and leaves held ones")
    func runErasesDueUnheldFiles() async throws {
        try await withTemporaryStore { store in
            let ring = try KeyRing.open(dataDirectory: store.directory, master: MasterKey.generate())
            let service = CaseworkService(log: store, timeZone: .gmt, keys: ring, clock: { Self.noon })
            let admin = PrivacyFixtures.administrator
            for id in ["c-1", "c-2", "c-3"] {
                try await service.execute(PrivacyFixtures.register(id))
                try await service.execute(OpenCase(actor: PrivacyFixtures.worker, clientId: ClientID(id), openedOn: PrivacyFixtures.today))
            }
            for id in ["c-1", "c-2"] {
                try await service.execute(
                    CloseCase(actor: PrivacyFixtures.worker, clientId: ClientID(id), closedOn: CalendarDate(iso8601: "2025-06-30")!, reason: .goalsMet))
            }
            try await service.execute(PlaceLegalHold(actor: admin, clientId: ClientID("c-2"), holdId: "audit-1", reason: "Funder audit"))
            let asOf = CalendarDate(iso8601: "2032-07-01")!

            let due = try service.retentionDue(rules: RetentionPolicy(), asOf: asOf)
            #expect(due.map { "\($0.recordId) \($0.dueOn) \($0.holds)" } == ["c-1 2032-06-30 []", "c-2 2032-06-30 [\"audit-1\"]"])
            let run = try await service.runRetention(rules: RetentionPolicy(), asOf: asOf, actor: admin)
            #expect(run.erased.map(\.recordId) == ["c-1"])
            #expect(run.left.map { "\($0.due.recordId): \($0.reason)" } == ["c-2: under legal hold audit-1"])
            let erasure = try #require(try store.readStream("client-c-1").last?.decoded() as? PersonalDataErased)
            #expect(erasure.ground == .retentionDue)
            #expect(erasure.reference == "retention rule clientFile: due 2032-06-30, last case closed on 2025-06-30")
            #expect(try ring.isErased("client-c-1"))
            #expect(try ring.isErased("client-c-2") == false)

            try await service.execute(ReleaseLegalHold(actor: admin, clientId: ClientID("c-2"), holdId: "audit-1"))
            let second = try await service.runRetention(rules: RetentionPolicy(), asOf: asOf, actor: admin)
            #expect(second.erased.map(\.recordId) == ["c-2"])
            #expect(second.left.isEmpty)
            #expect(try service.retentionDue(rules: RetentionPolicy(), asOf: asOf).isEmpty)
        }
    }

    @Test("a run as of a day after today erases nothing")
    func runRefusesTheFuture() async throws {
        try await withTemporaryStore { store in
            let ring = try KeyRing.open(dataDirectory: store.directory, master: MasterKey.generate())
            let service = CaseworkService(log: store, timeZone: .gmt, keys: ring, clock: { Self.noon })
            await #expect(throws: DomainError(.validation, field: "asOf", problem: "2032-07-05 is after today (2032-07-04): records are erased only once due")) {
                try await service.runRetention(rules: RetentionPolicy(), asOf: CalendarDate(iso8601: "2032-07-05")!, actor: PrivacyFixtures.administrator)
            }
            #expect(store.headPosition == 0)
        }
    }
}
