import Events
import Foundation
import Testing

@Suite struct EventRoundTripTests {
    @Test(arguments: EventCatalogue.allTypes.map(EventTypeCase.init))
    func exampleRoundTripsThroughTheRegistry(_ type: EventTypeCase) throws {
        let example = type.type.example
        let bytes = try EventCoding.encode(any: example)
        let decoded = try EventRegistry.standard.decode(
            eventType: type.type.eventType, schemaVersion: type.type.schemaVersion, payload: bytes)
        #expect(decoded.isEqual(to: example))
        #expect(try EventCoding.encode(any: decoded) == bytes, "re-encoding must give the same bytes")
    }

    @Test func everyTypeIsRegisteredOnceUnderItsOwnName() {
        let names = EventCatalogue.allTypes.map { $0.eventType }
        #expect(Set(names).count == names.count)
        #expect(EventRegistry.standard.entries.count == names.count)
        for type in EventCatalogue.allTypes {
            #expect(type.eventType == String(describing: type), "the stored name is the Swift type's name")
        }
    }

    @Test func keysAreSortedAndSlashesUnescaped() throws {
        let bytes = try EventCoding.encode(
            ReferralDeclined(referralId: ReferralID("r/1"), declinedOn: .init(iso8601: "2025-03-07")!, reason: "full"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == #"{"declinedOn":"2025-03-07","reason":"full","referralId":"r/1"}"#)
    }

    @Test func examplesLiveInTheStreamsDesignNames() {
        #expect(ClientRegistered.example.streamId == "client-c-0001")
        #expect(ReferralMade.example.streamId == "referral-r-1")
        #expect(DuesPaid.example.streamId == "member-m-1")
        #expect(MeetingCalled.example.streamId == "election-e-2025")
        #expect(PartnerRegistered.example.streamId == "partner-p-housing")
        #expect(FunderContractSigned.example.streamId == "contract-k-ircc-2025")
        #expect(UserCreated.example.streamId == "user-u-worker")
        #expect(EventVoided.example.streamId == "client-c-0001")
    }
}

/// Wraps a metatype so Swift Testing can name each parameterized case.
struct EventTypeCase: CustomTestStringConvertible, Sendable {
    let type: any DomainEvent.Type
    var testDescription: String { type.eventType }
}
