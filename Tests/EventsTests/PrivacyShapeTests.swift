import Events
import Foundation
import Testing

/// The shape of some payloads is itself a rule: these tests fail if a field is added that
/// would break the secret ballot or let membership record a forbidden criterion.
@Suite struct PrivacyShapeTests {
    func keys(of event: some DomainEvent) throws -> Set<String> {
        let value = try EventCoding.jsonValue(of: event)
        guard case .object(let object) = value else { return [] }
        return Set(object.keys)
    }

    @Test func membershipRecordsOnlyTheAttestedEligibility() throws {
        #expect(
            try keys(of: MembershipApplied.example)
                == ["memberId", "kind", "appliedOn", "details", "eligibility", "eligibilityAttestedOn"])
        #expect(EligibilityBasis.codes == ["citizen", "permanentResident", "otherLegalStatus"])
    }

    @Test func ballotsCarryNoVoterAndNoTime() throws {
        #expect(try keys(of: BallotsRecorded.example) == ["electionId", "ballots"])
        let ballot = try EventCoding.jsonValue(of: BallotsRecorded.example)
        guard case .object(let object) = ballot, case .array(let ballots) = object["ballots"],
            case .object(let first) = ballots.first
        else { Issue.record("ballots did not encode as an array of objects"); return }
        #expect(Set(first.keys) == ["receiptHash", "selections"])
    }

    @Test func participationCarriesNoReceiptOrChoice() throws {
        #expect(try keys(of: VotersParticipated.example) == ["electionId", "voters"])
    }

    @Test func aSealedBallotCarriesOnlyItsElectionAndTheBox() throws {
        #expect(try keys(of: BallotSealed.example) == ["electionId", "sealedBallot"])
    }

    @Test func meetingCalledV1LosesItsBatchSizeOnRead() throws {
        var payload: [String: JSONValue] = ["ballotBatchSize": .int(10), "title": .string("AGM")]
        for upcaster in MeetingCalled.upcasters { try upcaster.transform(&payload) }
        #expect(payload == ["title": .string("AGM")])
    }

    @Test func anonymousClientHasNoPersonalBlock() throws {
        let anonymous = ClientRegistered(
            clientId: ClientID("c-2"), registeredOn: CalendarDate(iso8601: "2025-03-03")!, personal: nil,
            profile: ClientRegistered.example.profile, consents: ClientRegistered.example.consents)
        #expect(!(try keys(of: anonymous)).contains("personal"))
    }
}
