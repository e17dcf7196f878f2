@testable import Casework
import Events
import Testing

@Suite struct ServiceDeliveredTests {
    @Test func recordsAServiceUnderAContractThatFundsAndCoversIt() throws {
        let events = try decide(recordService(contract: "k-1"), after: try registeredClient(), facts: signedContract())
        #expect((events.first as? ServiceDelivered)?.minutes == 60)
    }

    @Test(arguments: [0, 1_441, -5])
    func minutesMustBeWithinADay(_ minutes: Int) throws {
        let history = try registeredClient()
        expectRefused(.validation, field: "minutes", problem: "is \(minutes), outside 1...1440") {
            _ = try decide(recordService(minutes: minutes), after: history, facts: nil)
        }
    }

    @Test func boundaryMinutesAreAccepted() throws {
        let history = try registeredClient()
        _ = try decide(recordService(minutes: 1), after: history, facts: nil)
        _ = try decide(recordService(minutes: 1_440), after: history, facts: nil)
    }

    @Test func dateCannotPrecedeIntakeOrBeInTheFuture() throws {
        let history = try registeredClient()
        expectRefused(.validation, field: "deliveredOn", problem: "is before the client's intake (2025-03-02 < 2025-03-03)") {
            _ = try decide(recordService(on: "2025-03-02"), after: history, facts: nil)
        }
        expectRefused(.validation, field: "deliveredOn", problem: "is in the future (2025-06-16)") {
            _ = try decide(recordService(on: "2025-06-16"), after: history, facts: nil)
        }
    }

    @Test func contractMustFundTheComponent() throws {
        expectRefused(.validation, field: "component", problem: "languageTraining is not funded by contract k-1 (it funds informationAndOrientation)") {
            _ = try decide(recordService(component: .languageTraining, contract: "k-1"), after: try registeredClient(), facts: signedContract())
        }
    }

    @Test func contractMustCoverTheDate() throws {
        expectRefused(.validation, field: "deliveredOn", problem: "2025-03-20 is outside contract k-1's period 2025-04-01 to 2026-03-31") {
            _ = try decide(recordService(on: "2025-03-20", contract: "k-1"), after: try registeredClient(), facts: signedContract())
        }
    }

    @Test func contractMustExist() throws {
        expectRefused(.notFound, field: "contractId", problem: "names no funder contract (k-9)") {
            _ = try decide(recordService(contract: "k-9"), after: try registeredClient(), facts: ContractState())
        }
    }

    @Test func serviceIdIsUniquePerClient() throws {
        var history = try registeredClient()
        history += try decide(recordService(), after: history, facts: nil)
        expectRefused(.conflict, field: "serviceId", problem: "is already recorded (s-1)") {
            _ = try decide(recordService(), after: history, facts: nil)
        }
    }

    @Test func unknownClientIsNotFound() {
        expectRefused(.notFound, field: "clientId", problem: "names no registered client (c-1)") {
            _ = try decide(recordService(), facts: nil)
        }
    }
}
