import EventStore
import Events
import Foundation
import HarbourTestSupport
import Projections
import Testing

/// While following the live log the host commits at most once per
/// `followCommitIntervalMilliseconds`: the first event after a quiet spell at once, the ones
/// that come sooner gathered into the next commit, and none of them left unapplied.
@Suite struct FollowCommitIntervalTests {
    @Test func eventsAppendedWithinTheIntervalShareOneCommitAndAllAreApplied() async throws {
        try await withTemporaryStore { store in
            let log = LogWriter(store: store)
            let host = try ProjectionHost.open(store: store, options: .init(followCommitIntervalMilliseconds: 2_000))
            await host.start()
            let first = try await log.record(Make.client("c-1", on: day("2025-05-01"), born: nil))
            try await host.waitUntilApplied(first.position)
            var last = first
            // Thirty log commits of one event each, quicker than the interval on a quiet machine.
            // Under a loaded parallel debug run they can take longer, so the bound allows one
            // more commit for every interval they took.
            let appending = ContinuousClock.now
            for _ in 0..<30 { last = try await log.record(ClientFileViewed(clientId: ClientID("c-1"), purpose: .casework)) }
            let intervalsTaken = Int((ContinuousClock.now - appending) / .milliseconds(2_000))
            // A bound on liveness, not on speed: two suites at once on two cores once took 20 s.
            try await host.waitUntilApplied(last.position, timeoutMilliseconds: 60_000)
            #expect(host.followCommits <= 3 + intervalsTaken)
            #expect(host.followCommits < 31)
            #expect(try await host.models.auditTrail(filter: AuditFilter(clientId: "c-1")).entries.count == 31)
            await host.close()
        }
    }

    @Test func theFirstEventAfterAQuietSpellIsAppliedAtOnceAndTheNextWaitsForTheInterval() async throws {
        try await withTemporaryStore { store in
            let log = LogWriter(store: store)
            let host = try ProjectionHost.open(store: store, options: .init(followCommitIntervalMilliseconds: 60_000))
            // The registration is applied by the catch-up that starts following; once it is,
            // that catch-up has read its head, so the next event reaches the follow loop. (An
            // event appended while the follow task is still unscheduled would be caught up, not
            // followed, and the one after it applied at once.)
            let registered = try await log.record(Make.client("c-1", on: day("2025-05-01"), born: nil))
            await host.start()
            try await host.waitUntilApplied(registered.position, timeoutMilliseconds: 60_000)
            #expect(host.followCommits == 0)
            let first = try await log.record(ClientFileViewed(clientId: ClientID("c-1"), purpose: .casework))
            try await host.waitUntilApplied(first.position, timeoutMilliseconds: 60_000)
            #expect(host.followCommits == 1)
            let second = try await log.record(ClientFileViewed(clientId: ClientID("c-1"), purpose: .casework))
            await #expect(throws: ProjectionError.self) { try await host.waitUntilApplied(second.position, timeoutMilliseconds: 300) }
            #expect(host.followCommits == 1)
            // Closing does not wait out the interval.
            let closing = ContinuousClock.now
            await host.close()
            #expect(ContinuousClock.now - closing < .seconds(30))
        }
    }
}
