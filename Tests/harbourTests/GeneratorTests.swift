import AgencyHistory
import Casework
import EventStore
import Events
import Foundation
import Testing

@Suite("generated agency history")
struct GeneratorTests {
    static let history = Array(AgencyHistory(seed: 3, count: 20_000))
    static let decoded: [(GeneratedEvent, any DomainEvent)] = history.map { generated in
        let event = try! EventRegistry.standard.decode(
            eventType: generated.event.eventType, schemaVersion: generated.event.schemaVersion, payload: generated.event.payload)
        return (generated, event)
    }

    @Test("the same seed and size give the same events; positions and versions count up")
    func deterministic() {
        // The intake rate scales with the size, so only the same seed *and* size repeat.
        let small = Array(AgencyHistory(seed: 3, count: 2_000))
        let same = small == Array(AgencyHistory(seed: 3, count: 2_000))
        let other = small == Array(AgencyHistory(seed: 4, count: 2_000))
        #expect(same)
        #expect(!other)
        #expect(Self.history.map(\.position) == Array(1...20_000))
        var versions: [String: UInt64] = [:]
        for event in Self.history {
            #expect(event.streamVersion == versions[event.stream].map { $0 + 1 } ?? 0)
            versions[event.stream] = event.streamVersion
        }
        #expect(zip(Self.history, Self.history.dropFirst()).allSatisfy { $0.event.recordedAt! <= $1.event.recordedAt! })
    }

    @Test("every event decodes, belongs in its stream, and the history spans two fiscal years")
    func wellFormed() throws {
        for (generated, event) in Self.decoded { #expect(event.streamId == generated.stream) }
        let first = try #require(Self.history.first?.event.recordedAt)
        let last = try #require(Self.history.last?.event.recordedAt)
        #expect(first.iso8601.hasPrefix("2024-04-01"))
        #expect(last.iso8601 >= "2025-12-01")
    }

    @Test("the service mix follows the shares agencies report")
    func serviceMix() {
        let registered = Self.decoded.compactMap { $0.1 as? ClientRegistered }
        // Clients who came in before the last four months have had their journey.
        let settled = Set(registered.filter { $0.registeredOn < CalendarDate(year: 2025, month: 9, day: 1)! }.map(\.clientId))
        var served: [ServiceComponent: Set<ClientID>] = [:]
        for case let service as ServiceDelivered in Self.decoded.map(\.1) where settled.contains(service.clientId) {
            served[service.component, default: []].insert(service.clientId)
        }
        func share(_ component: ServiceComponent) -> Double { Double(served[component]?.count ?? 0) / Double(settled.count) }
        #expect(settled.count > 500)
        #expect((0.82...0.96).contains(share(.informationAndOrientation)))
        #expect((0.42...0.58).contains(share(.needsAssessmentAndReferral)))
        #expect((0.19...0.31).contains(share(.languageTraining)))
        #expect((0.15...0.25).contains(share(.languageAssessment)))
        #expect((0.12...0.21).contains(share(.communityConnections)))
        #expect((0.06...0.14).contains(share(.employmentRelated)))
    }

    @Test("the AGM's ballots are sealed as cast, released together at close and all counted; voters are on the roll")
    func election() throws {
        let events = Self.decoded.filter { $0.0.stream == "election-e-agm-2025" }.map(\.1)
        let state = ElectionState.folded(events)
        let tally = try #require(state.tally)
        let released = events.compactMap { ($0 as? VotersParticipated)?.voters }
        #expect(released.allSatisfy { $0.count == 1 }, "one participation per cast")
        #expect(state.sealedBallots.count == released.count)
        #expect(events.filter { $0 is BallotsRecorded }.count == 1)
        #expect(state.ballots.count == released.count)
        #expect(tally.ballotsCounted == released.joined().count)
        #expect(tally.ballotsCounted > 0)
        #expect(Set(released.joined()).isSubset(of: try #require(state.roll)))
    }

    @Test("corrections name an earlier ServiceDelivered of their own stream")
    func corrections() {
        var seen: [UUID: GeneratedEvent] = [:]
        var corrections = 0
        for (generated, event) in Self.decoded {
            if let corrected = event as? EventCorrected {
                #expect(seen[corrected.originalEventId]?.stream == generated.stream)
                corrections += 1
            } else if let voided = event as? EventVoided {
                #expect(seen[voided.originalEventId]?.stream == generated.stream)
                corrections += 1
            }
            seen[generated.event.eventId] = generated
        }
        #expect(corrections > 10)
    }
}
