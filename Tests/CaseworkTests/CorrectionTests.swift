@testable import Casework
import EventStore
import Events
import Foundation
import Testing

@Suite struct CorrectionTests {
    /// A client stream with one service, as a history with event ids.
    func history(extra: [any DomainEvent] = []) throws -> StreamHistory {
        var events = try registeredClient()
        events += try decide(recordService(minutes: 60), after: events, facts: nil)
        events += extra
        return StreamHistory(
            streamId: "client-c-1",
            entries: events.enumerated().map { index, event in
                StreamHistory.Entry(
                    eventId: id(index), streamVersion: UInt64(index), occurredAt: Timestamp(microsecondsSinceEpoch: 0),
                    actor: "u-worker", event: event)
            })
    }

    func id(_ index: Int) -> UUID { UUID(uuidString: "00000000-0000-7000-8000-00000000000\(index)")! }

    func appending(_ events: [any DomainEvent], to history: StreamHistory) -> StreamHistory {
        let start = history.entries.count
        return StreamHistory(
            streamId: history.streamId,
            entries: history.entries + events.enumerated().map { offset, event in
                StreamHistory.Entry(
                    eventId: id(start + offset), streamVersion: UInt64(start + offset),
                    occurredAt: Timestamp(microsecondsSinceEpoch: 0), actor: "u", event: event)
            })
    }

    func correct(_ replacement: any DomainEvent, original: Int = 1, actor: ActingUser = worker) -> CorrectEvent {
        CorrectEvent(actor: actor, stream: "client-c-1", originalEventId: id(original), reason: "Typo", replacement: replacement)
    }

    var corrected: ServiceDelivered { (recordService(minutes: 45).decideEvent) }

    @Test func correctionReplacesTheFactInTheFold() throws {
        let base = try history()
        let events = try Decider.decide(correct(corrected), state: base, facts: nil, context: context)
        let after = appending(events, to: base)
        let services = try after.effectiveEvents().compactMap { $0 as? ServiceDelivered }
        #expect(services.map(\.minutes) == [45])
    }

    @Test func replacementIsHeldToTheOriginalsRules() throws {
        let base = try history()
        expectRefused(.validation, field: "minutes", problem: "is 2000, outside 1...1440") {
            _ = try Decider.decide(correct(recordService(minutes: 2_000).decideEvent), state: base, facts: nil, context: context)
        }
    }

    @Test func replacementMustKeepTypeAndStream() throws {
        let base = try history()
        expectRefused(.validation, field: "replacement", problem: "is a CaseOpened, but the original is a ServiceDelivered") {
            _ = try Decider.decide(correct(CaseOpened(clientId: ClientID("c-1"), openedOn: today)), state: base, facts: nil, context: context)
        }
        expectRefused(.validation, field: "replacement", problem: "belongs in client-c-2, not client-c-1") {
            _ = try Decider.decide(correct(recordService(client: "c-2").decideEvent), state: base, facts: nil, context: context)
        }
        expectRefused(.conflict, field: "replacement", problem: "is identical to the fact as it stands") {
            _ = try Decider.decide(correct(recordService(minutes: 60).decideEvent), state: base, facts: nil, context: context)
        }
    }

    @Test func voidedEventCannotBeVoidedAgainOrCorrected() throws {
        let base = try history()
        let void = VoidEvent(actor: supervisor, stream: "client-c-1", originalEventId: id(1), reason: "Wrong client")
        let after = appending(try Decider.decide(void, state: base, facts: (), context: context), to: base)
        #expect(try after.effectiveEvents().contains { $0 is ServiceDelivered } == false)
        expectRefused(.conflict, field: "originalEventId", problem: "was voided, and a voided event cannot be voided again or corrected") {
            _ = try Decider.decide(void, state: after, facts: (), context: context)
        }
        expectRefused(.conflict, field: "originalEventId", problem: "was voided") {
            _ = try Decider.decide(correct(corrected), state: after, facts: nil, context: context)
        }
    }

    @Test func correctionsThemselvesAndFirstEventsAreNotTargets() throws {
        let base = try history()
        let after = appending(try Decider.decide(correct(corrected), state: base, facts: nil, context: context), to: base)
        expectRefused(.validation, field: "originalEventId", problem: "is itself a correction") {
            _ = try Decider.decide(
                VoidEvent(actor: supervisor, stream: "client-c-1", originalEventId: id(2), reason: "x"), state: after, facts: (), context: context)
        }
        expectRefused(.conflict, field: "originalEventId", problem: "is the stream's first event (ClientRegistered), which cannot be voided") {
            _ = try Decider.decide(
                VoidEvent(actor: supervisor, stream: "client-c-1", originalEventId: id(0), reason: "x"), state: base, facts: (), context: context)
        }
        expectRefused(.notFound, field: "originalEventId", problem: "is not an event of stream client-c-1") {
            _ = try Decider.decide(correct(corrected, original: 7), state: base, facts: nil, context: context)
        }
    }

    @Test func whoMayCorrectDependsOnTheStream() throws {
        let base = try history()
        expectRefused(.forbidden, field: "actor", problem: "u-worker may not voidEvent: it needs the role supervisor") {
            _ = try Decider.decide(
                VoidEvent(actor: worker, stream: "client-c-1", originalEventId: id(1), reason: "x"), state: base, facts: (), context: context)
        }
        expectRefused(.forbidden, field: "actor", problem: "u-acct may not correctEvent") {
            _ = try Decider.decide(correct(corrected, actor: accountant), state: base, facts: nil, context: context)
        }
        #expect(RolePolicy.correctionRoles(category: "member", voiding: false) == [.administrator])
    }

    @Test func anonymousClientCannotBeNamedByCorrection() throws {
        let anonymous = ClientRegistered(
            clientId: ClientID("c-1"), registeredOn: day("2025-03-03"), personal: nil, profile: ClientRegistered.example.profile,
            consents: consents(privacy: false, funder: false, partners: false))
        let base = StreamHistory(
            streamId: "client-c-1",
            entries: [StreamHistory.Entry(eventId: id(0), streamVersion: 0, occurredAt: Timestamp(microsecondsSinceEpoch: 0), actor: "u", event: anonymous)])
        let named = ClientRegistered(
            clientId: ClientID("c-1"), registeredOn: day("2025-03-03"), personal: ClientRegistered.example.personal?.value,
            profile: ClientRegistered.example.profile, consents: consents())
        expectRefused(.conflict, field: "replacement.personal", problem: "the client is anonymous and can never be named") {
            _ = try Decider.decide(correct(named, original: 0), state: base, facts: nil, context: context)
        }
    }

    @Test func secretBallotEventsCannotBeCorrected() throws {
        let events: [any DomainEvent] = openElection(voters: 3) + [BallotsRecorded.example]
        let base = StreamHistory(
            streamId: "election-e-1",
            entries: events.enumerated().map { index, event in
                StreamHistory.Entry(eventId: id(index), streamVersion: UInt64(index), occurredAt: Timestamp(microsecondsSinceEpoch: 0), actor: "u", event: event)
            })
        let void = VoidEvent(actor: officer, stream: "election-e-1", originalEventId: id(7), reason: "x")
        expectRefused(.conflict, field: "originalEventId", problem: "is a BallotsRecorded, which cannot be corrected or voided: it would reveal or alter the secret ballot") {
            _ = try Decider.decide(void, state: base, facts: (), context: context)
        }
    }
}

extension RecordService {
    /// The event this command would record, for building corrections.
    var decideEvent: ServiceDelivered {
        ServiceDelivered(
            clientId: clientId, serviceId: serviceId, component: component, deliveredOn: deliveredOn, minutes: minutes, mode: mode,
            language: language, interpreterUsed: interpreterUsed, workerId: workerId, contractId: contractId, outcome: outcome, note: note)
    }
}
