@testable import Casework
import Events
import Foundation
import Testing

/// Today for every pure decision test.
let today = day("2025-06-15")
let context = DecisionContext(today: today)

let worker = ActingUser(userId: UserID("u-worker"), role: .worker)
let supervisor = ActingUser(userId: UserID("u-super"), role: .supervisor)
let accountant = ActingUser(userId: UserID("u-acct"), role: .accountant)
let administrator = ActingUser(userId: UserID("u-admin"), role: .administrator)
let officer = ActingUser(userId: UserID("u-officer"), role: .electionOfficer)

func day(_ text: String) -> CalendarDate { CalendarDate(iso8601: text)! }

/// Decides `command` against the state folded from `history`, through the role check.
func decide<C: Command>(_ command: C, after history: [any DomainEvent] = [], facts: C.Facts, in context: DecisionContext = context)
    throws(DomainError) -> [any DomainEvent] where C.State: AggregateState
{
    try Decider.decide(command, state: C.State.folded(history), facts: facts, context: context)
}

func decide<C: Command>(_ command: C, after history: [any DomainEvent] = [], in context: DecisionContext = context)
    throws(DomainError) -> [any DomainEvent] where C.State: AggregateState, C.Facts == Void
{
    try decide(command, after: history, facts: (), in: context)
}

/// Expects `body` to be refused with `kind`, naming `field`, with `problem` in the message.
func expectRefused(
    _ kind: DomainError.Kind, field: String, problem: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected \(kind) refusal of \(field)", sourceLocation: sourceLocation)
    } catch let error as DomainError {
        #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
        #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
        #expect(error.problem.contains(problem), "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

func consents(privacy: Bool = true, funder: Bool = true, partners: Bool = true) -> IntakeConsents {
    func decision(_ granted: Bool) -> ConsentDecision {
        ConsentDecision(granted: granted, recordedOn: day("2025-03-03"), takenBy: worker.userId)
    }
    return IntakeConsents(privacyStatement: decision(privacy), shareWithFunder: decision(funder), shareWithPartners: decision(partners))
}

func registerClient(
    _ id: String = "c-1", givenNames: String = "Amina", familyName: String = "Haddad", dateOfBirth: String = "1988-07-14",
    uci: String? = "12345678", arrival: String? = "2025-02-20", consents: IntakeConsents = consents(),
    override: FreeText? = nil, actor: ActingUser = worker
) -> RegisterClient {
    RegisterClient(
        actor: actor, clientId: ClientID(id), registeredOn: day("2025-03-03"), givenNames: givenNames, familyName: familyName,
        dateOfBirth: day(dateOfBirth), uci: uci, contact: ContactDetails(phone: "250-555-0101"), householdMembers: [],
        gender: .female, immigrationCategory: .refugeeGovernmentAssisted, arrivalDate: arrival.map(day),
        preferredOfficialLanguage: .english, languagesSpoken: ["ar"], countryOfBirth: "SY", consents: consents,
        duplicateOverrideReason: override)
}

/// The events of a client registered on 2025-03-03 with all consents granted.
func registeredClient(_ id: String = "c-1", consents: IntakeConsents = consents()) throws -> [any DomainEvent] {
    try decide(registerClient(id, consents: consents), facts: DuplicateMatches())
}

func recordService(
    client: String = "c-1", id: String = "s-1", component: ServiceComponent = .informationAndOrientation,
    on date: String = "2025-05-01", minutes: Int = 60, contract: String? = nil
) -> RecordService {
    RecordService(
        actor: worker, clientId: ClientID(client), serviceId: ServiceID(id), component: component, deliveredOn: day(date),
        minutes: minutes, mode: .inPerson, language: "ar", interpreterUsed: true, workerId: worker.userId,
        contractId: contract.map(ContractID.init), outcome: .completed, note: nil)
}

func signedContract(_ id: String = "k-1", components: [ServiceComponent] = [.informationAndOrientation]) -> ContractState {
    ContractState.folded([
        FunderContractSigned(
            contractId: ContractID(id), funder: "IRCC", program: "Settlement", agreementNumber: "SP-1",
            startsOn: day("2025-04-01"), endsOn: day("2026-03-31"), fundedComponents: components, targets: [])
    ])
}

/// SplitMix64: a tiny seeded generator so property tests replay exactly from their seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
