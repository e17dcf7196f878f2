@testable import Casework
import Events
import Testing

/// Every external referral checks the client's consent to share with partners as it stands
/// when the referral is made: a later withdrawal blocks the next one.
@Suite struct ReferralConsentTests {
    static func referral(_ id: String, to target: ReferralTarget) -> MakeReferral {
        MakeReferral(
            actor: worker, referralId: ReferralID(id), clientId: ClientID("c-1"), madeOn: day("2025-05-01"), target: target,
            needDomain: .housing, note: nil)
    }

    static let partner = PartnerState.folded([
        PartnerRegistered(partnerId: PartnerID("p-1"), name: "Housing", funding: .hybrid, francophone: false, servicesOffered: [.housing])
    ])

    @Test func aWithdrawnConsentBlocksTheNextExternalReferralAndARegrantAllowsIt() throws {
        let granted = try registeredClient()
        let external = Self.referral("r-2", to: .partner(PartnerID("p-1")))
        _ = try decide(external, facts: ReferralFacts(client: ClientState.folded(granted), partner: Self.partner))
        let withdrawal = ConsentRecorded(
            clientId: ClientID("c-1"), kind: .shareWithPartners, decision: ConsentDecision(granted: false, recordedOn: day("2025-04-20"), takenBy: worker.userId))
        let withdrawn = ClientState.folded(granted + [withdrawal])
        expectRefused(.conflict, field: "consents.shareWithPartners", problem: "has not consented to sharing with partners") {
            _ = try decide(external, facts: ReferralFacts(client: withdrawn, partner: Self.partner))
        }
        _ = try decide(Self.referral("r-3", to: .internalProgram("Housing Help")), facts: ReferralFacts(client: withdrawn, partner: nil))
        let regrant = ConsentRecorded(
            clientId: ClientID("c-1"), kind: .shareWithPartners, decision: ConsentDecision(granted: true, recordedOn: day("2025-04-25"), takenBy: worker.userId))
        _ = try decide(external, facts: ReferralFacts(client: ClientState.folded(granted + [withdrawal, regrant]), partner: Self.partner))
    }
}
