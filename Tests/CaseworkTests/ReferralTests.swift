@testable import Casework
import Events
import Testing

@Suite struct ReferralTests {
    let referral = ReferralID("r-1")

    func make(_ target: ReferralTarget = .partner(PartnerID("p-1"))) -> MakeReferral {
        MakeReferral(
            actor: worker, referralId: referral, clientId: ClientID("c-1"), madeOn: day("2025-05-01"), target: target,
            needDomain: .housing, note: nil)
    }

    var partner: PartnerState {
        PartnerState.folded([
            PartnerRegistered(partnerId: PartnerID("p-1"), name: "Housing", funding: .hybrid, francophone: false, servicesOffered: [.housing])
        ])
    }

    @Test func externalReferralNeedsConsentToShareWithPartners() throws {
        let client = ClientState.folded(try registeredClient(consents: consents(partners: false)))
        expectRefused(.conflict, field: "consents.shareWithPartners", problem: "has not consented to sharing with partners") {
            _ = try decide(make(), facts: ReferralFacts(client: client, partner: partner))
        }
        _ = try decide(make(.internalProgram("Employment Program")), facts: ReferralFacts(client: client, partner: nil))
    }

    @Test func partnerMustExistAndClientMustBeRegistered() throws {
        let client = ClientState.folded(try registeredClient())
        expectRefused(.notFound, field: "target.partnerId", problem: "names no partner (p-1)") {
            _ = try decide(make(), facts: ReferralFacts(client: client, partner: PartnerState()))
        }
        expectRefused(.notFound, field: "clientId", problem: "names no registered client") {
            _ = try decide(make(), facts: ReferralFacts(client: ClientState(), partner: partner))
        }
    }

    @Test func internalReferralNamesAProgram() throws {
        let client = ClientState.folded(try registeredClient())
        expectRefused(.validation, field: "target.programName", problem: "is empty") {
            _ = try decide(make(.internalProgram(" ")), facts: ReferralFacts(client: client, partner: nil))
        }
    }

    @Test func transitionsOnlyAlongTheAllowedEdges() throws {
        let client = ClientState.folded(try registeredClient())
        var history = try decide(make(), facts: ReferralFacts(client: client, partner: partner))
        history += try decide(DeclineReferral(actor: worker, referralId: referral, declinedOn: day("2025-05-02"), reason: "Full"), after: history)
        expectRefused(.conflict, field: "status", problem: "cannot go from declined to accepted (from declined: none, it is final)") {
            _ = try decide(AcceptReferral(actor: worker, referralId: referral, acceptedOn: day("2025-05-03")), after: history)
        }
        expectRefused(.conflict, field: "status", problem: "cannot go from declined to cancelled") {
            _ = try decide(CancelReferral(actor: worker, referralId: referral, cancelledOn: day("2025-05-03"), reason: "x"), after: history)
        }
    }

    @Test func completionNeedsAcceptanceFirst() throws {
        let client = ClientState.folded(try registeredClient())
        let history = try decide(make(), facts: ReferralFacts(client: client, partner: partner))
        expectRefused(.conflict, field: "status", problem: "cannot go from made to completed (from made: accepted or cancelled or declined)") {
            _ = try decide(CompleteReferral(actor: worker, referralId: referral, completedOn: day("2025-05-03"), note: nil), after: history)
        }
    }

    @Test func transitionDateCannotPrecedeTheLastChange() throws {
        let client = ClientState.folded(try registeredClient())
        let history = try decide(make(), facts: ReferralFacts(client: client, partner: partner))
        expectRefused(.validation, field: "acceptedOn", problem: "is before the referral's last change") {
            _ = try decide(AcceptReferral(actor: worker, referralId: referral, acceptedOn: day("2025-04-30")), after: history)
        }
    }

    @Test func unknownReferralIsNotFound() {
        expectRefused(.notFound, field: "referralId", problem: "names no referral (r-1)") {
            _ = try decide(AcceptReferral(actor: worker, referralId: referral, acceptedOn: today))
        }
    }
}
