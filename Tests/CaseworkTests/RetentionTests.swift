import Casework
import Events
import Foundation
import Testing

@Suite struct RetentionTests {
    /// A client registered on 2025-03-03 (the fixture's day), then `events`.
    static func client(_ id: String, _ events: [any DomainEvent] = []) throws -> ClientState {
        var state = ClientState()
        for event in try registeredClient(id) + events { state.apply(event) }
        return state
    }

    static func member(_ id: String, paidFrom: String, to: String) -> MemberState {
        var state = MemberState()
        let example = MembershipApplied.example
        for event: any DomainEvent in [
            MembershipApplied(
                memberId: MemberID(id), kind: example.kind, appliedOn: day(paidFrom), details: example.details,
                eligibility: example.eligibility, eligibilityAttestedOn: day(paidFrom)),
            MemberApproved(memberId: MemberID(id), approvedOn: day(paidFrom)),
            DuesPaid(memberId: MemberID(id), paidOn: day(paidFrom), amountCents: 2_000, termMonths: 12, termStartsOn: day(paidFrom), termExpiresOn: day(to)),
        ] { state.apply(event) }
        return state
    }

    static func closed(_ id: String, opened: String, closed: String) -> [any DomainEvent] {
        [
            CaseOpened(clientId: ClientID(id), openedOn: day(opened)),
            CaseClosed(clientId: ClientID(id), closedOn: day(closed), reason: .goalsMet, note: nil),
        ]
    }

    static func fixture() throws -> (clients: [ClientState], members: [MemberState]) {
        let clients = [
            try client("c-1", Self.closed("c-1", opened: "2025-03-04", closed: "2025-06-30")),
            try client("c-2", [CaseOpened(clientId: ClientID("c-2"), openedOn: day("2024-02-01"))]),
            try client("c-3"),
            try client(
                "c-4",
                Self.closed("c-4", opened: "2023-05-01", closed: "2024-02-29") + [
                    LegalHoldPlaced(clientId: ClientID("c-4"), holdId: "ircc-2025", reason: "Audit", placedOn: day("2030-01-01"))
                ]),
            try client(
                "c-5",
                [PersonalDataErased(clientId: ClientID("c-5"), erasedOn: day("2025-01-01"), ground: .privacyRequest, reference: "PR-1")]),
            try client(
                "c-6",
                Self.closed("c-6", opened: "2020-01-01", closed: "2020-06-01") + [
                    CaseReopened(clientId: ClientID("c-6"), reopenedOn: day("2024-01-01"), reason: "Back for help")
                ]),
        ]
        return (clients, [member("m-1", paidFrom: "2023-01-01", to: "2024-01-01"), member("m-2", paidFrom: "2023-01-01", to: "2031-01-01")])
    }

    @Test("exactly the closed, caseless and lapsed records past their period are due; open cases and erased clients never")
    func dueList() throws {
        let (clients, members) = try Self.fixture()
        let policy = RetentionPolicy(clientFileYearsAfterLastCaseClosed: 7, membershipYearsAfterLapse: 3)
        let due = RetentionReport.due(clients: clients, members: members, policy: policy, graceMonths: 6, asOf: day("2032-06-30"))
        #expect(due.map { "\($0.dueOn) \($0.kind.rawValue) \($0.recordId) \($0.triggeredOn) \($0.holds) \($0.erasable)" } == [
            "2027-07-01 membership m-1 2024-07-01 [] false",
            "2031-02-28 clientFile c-4 2024-02-29 [\"ircc-2025\"] false",
            "2032-03-03 clientFile c-3 2025-03-03 [] true",
            "2032-06-30 clientFile c-1 2025-06-30 [] true",
        ])
        #expect(due[3].reference == "retention rule clientFile: due 2032-06-30, last case closed on 2025-06-30")
        #expect(due[2].trigger == "registered without a case")
        let dayBefore = RetentionReport.due(clients: clients, members: members, policy: policy, graceMonths: 6, asOf: day("2032-06-29"))
        #expect(dayBefore.map(\.recordId) == ["m-1", "c-4", "c-3"])
        let longer = RetentionPolicy(clientFileYearsAfterLastCaseClosed: 10, membershipYearsAfterLapse: 10)
        #expect(RetentionReport.due(clients: clients, members: members, policy: longer, graceMonths: 6, asOf: day("2032-06-30")).isEmpty)
    }

    @Test("the policy file: defaults when absent, each rule checked by name")
    func policyFile() throws {
        let parsed = try RetentionPolicy.parse(Data(#"{"membershipYearsAfterLapse": 2}"#.utf8), source: "r.json")
        #expect(parsed == RetentionPolicy(clientFileYearsAfterLastCaseClosed: 7, membershipYearsAfterLapse: 2))
        #expect(throws: RetentionPolicyError(source: "r.json", field: "clientFileYears", problem: "is not a retention rule (known: clientFileYearsAfterLastCaseClosed, membershipYearsAfterLapse)")) {
            try RetentionPolicy.parse(Data(#"{"clientFileYears": 7}"#.utf8), source: "r.json")
        }
        for bad in ["0", "7.5", "true", "\"7\"", "101"] {
            #expect(throws: RetentionPolicyError(source: "r.json", field: "clientFileYearsAfterLastCaseClosed", problem: "must be a whole number of years from 1 to 100")) {
                try RetentionPolicy.parse(Data("{\"clientFileYearsAfterLastCaseClosed\": \(bad)}".utf8), source: "r.json")
            }
        }
        #expect(throws: RetentionPolicyError(source: "r.json", field: "(file)", problem: "is not a JSON object")) {
            try RetentionPolicy.parse(Data("[7]".utf8), source: "r.json")
        }
        #expect(try RetentionPolicy.read(dataFolder: "/nonexistent-harbour-folder") == RetentionPolicy())
    }
}
