@testable import Casework
import Events
import Testing

@Suite struct PartnersAndContractsTests {
    func sign(startsOn: String = "2025-04-01", endsOn: String = "2026-03-31", components: [ServiceComponent] = [.informationAndOrientation],
        targets: [ContractTarget] = [], actor: ActingUser = accountant) -> SignContract
    {
        SignContract(
            actor: actor, contractId: ContractID("k-1"), funder: "IRCC", program: "Settlement", agreementNumber: "SP-1",
            startsOn: day(startsOn), endsOn: day(endsOn), fundedComponents: components, targets: targets)
    }

    @Test func contractPeriodMustRunForwards() {
        expectRefused(.validation, field: "endsOn", problem: "is before the start (2025-03-31 < 2025-04-01)") {
            _ = try decide(sign(endsOn: "2025-03-31"))
        }
    }

    @Test func contractMustFundSomethingAndTargetOnlyFundedComponents() {
        expectRefused(.validation, field: "fundedComponents", problem: "is empty") { _ = try decide(sign(components: [])) }
        let target = ContractTarget(metric: .minutes, component: .languageTraining, value: 100)
        expectRefused(.validation, field: "targets[0].component", problem: "is languageTraining, which the contract does not fund") {
            _ = try decide(sign(targets: [target]))
        }
    }

    @Test func amendmentChangesWhatIsFunded() throws {
        var history = try decide(sign())
        history += try decide(
            AmendContract(
                actor: accountant, contractId: ContractID("k-1"), endsOn: day("2027-03-31"),
                fundedComponents: [.languageTraining], targets: [], reason: "Amendment 1"),
            after: history)
        let contract = ContractState.folded(history)
        #expect(contract.fundedComponents == [.languageTraining])
        #expect(contract.covers(day("2027-01-01")))
    }

    @Test func workersCannotSignContracts() {
        expectRefused(.forbidden, field: "actor", problem: "may not signContract") { _ = try decide(sign(actor: worker)) }
    }

    @Test func partnerNeedsServicesAndUpdatesMustChangeSomething() throws {
        let register = RegisterPartner(
            actor: supervisor, partnerId: PartnerID("p-1"), name: "Housing", funding: .notFunded, francophone: true, servicesOffered: [])
        expectRefused(.validation, field: "servicesOffered", problem: "is empty") { _ = try decide(register) }
        let history = try decide(
            RegisterPartner(
                actor: supervisor, partnerId: PartnerID("p-1"), name: "Housing", funding: .notFunded, francophone: true,
                servicesOffered: [.housing]))
        expectRefused(.conflict, field: "partnerId", problem: "nothing changed") {
            _ = try decide(
                UpdatePartner(
                    actor: supervisor, partnerId: PartnerID("p-1"), name: "Housing", funding: .notFunded, francophone: true,
                    servicesOffered: [.housing]),
                after: history)
        }
    }
}
