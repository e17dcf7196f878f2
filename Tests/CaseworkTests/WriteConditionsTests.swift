@testable import Casework
import EventStore
import Events
import Foundation
import HarbourTestSupport
import Testing

/// Idempotency keys and expected versions, as `CaseworkService` honours them for every caller.
@Suite struct WriteConditionsTests {
    func service(_ log: any EventLog) -> CaseworkService {
        CaseworkService(log: log, timeZone: TimeZone(identifier: "UTC")!, clock: { ServiceIntegrationTests.noon })
    }

    @Test func aKeyedCommandRunTwiceAppendsOnceAndAnswersTheSame() async throws {
        try await withTemporaryStore { store in
            let key = UUID()
            let first = try await service(store).execute(registerClient(), conditions: WriteConditions(idempotencyKey: key))
            let again = try await service(store).execute(registerClient(), conditions: WriteConditions(idempotencyKey: key))
            #expect(first.eventIds == [key] && !first.replayed)
            #expect(again.replayed && again.eventIds == first.eventIds && again.positions == first.positions)
            #expect(again.streamVersion == first.streamVersion && again.events.count == 1)
            let records = try store.readStream("client-c-1")
            #expect(records.count == 1)
        }
    }

    @Test func laterEventsOfAKeyedCommandTakeIdsDerivedFromTheKey() {
        let key = UUID()
        let ids = (0..<3).map { WriteConditions.eventId(key: key, index: $0) }
        #expect(ids[0] == key && Set(ids).count == 3)
        #expect(WriteConditions.eventId(key: key, index: 2) == ids[2], "a retry derives the same ids")
    }

    @Test func aKeyAlreadyUsedOnAnotherStreamIsRefused() async throws {
        try await withTemporaryStore { store in
            let key = UUID()
            try await service(store).execute(registerClient("c-1"), conditions: WriteConditions(idempotencyKey: key))
            await #expect(throws: WriteConditionError.keyUsedElsewhere(key: key, stream: "client-c-1")) {
                try await service(store).execute(registerClient("c-2", uci: nil), conditions: WriteConditions(idempotencyKey: key))
            }
            #expect(try store.streamVersion("client-c-2") == nil)
        }
    }

    @Test func aStaleExpectedVersionIsRefusedBeforeTheRulesAndAppendsNothing() async throws {
        try await withTemporaryStore { store in
            try await service(store).execute(registerClient())
            await #expect(throws: WriteConditionError.versionMismatch(stream: "client-c-1", expected: 3, current: 0)) {
                try await service(store).execute(recordService(on: "2025-05-01"), conditions: WriteConditions(expectedVersion: 3))
            }
            await #expect(throws: WriteConditionError.versionMismatch(stream: "client-c-9", expected: 0, current: nil)) {
                try await service(store).execute(registerClient("c-9", uci: nil), conditions: WriteConditions(expectedVersion: 0))
            }
            let outcome = try await service(store).execute(recordService(on: "2025-05-01"), conditions: WriteConditions(expectedVersion: 0))
            #expect(outcome.streamVersion == 1)
        }
    }

    @Test func aRaceAgainstAPinnedVersionIsAConflictNotARetry() async throws {
        try await withTemporaryStore { store in
            try await service(store).execute(registerClient())
            let racing = RacingLog(store: store, races: 1)
            await #expect(throws: WriteConditionError.versionMismatch(stream: "client-c-1", expected: 0, current: 1)) {
                try await service(racing).execute(recordService(on: "2025-05-01"), conditions: WriteConditions(expectedVersion: 0))
            }
            #expect(racing.attempts == 1)
        }
    }
}
