import Foundation
import HarbourTestSupport
import Testing

@Suite("bad input changes nothing")
struct BadInputTests {
    /// A mutation of the first generated line (the administrator's UserCreated) and the
    /// `field: problem` the import must name for it.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let mutate: @Sendable (String) -> String
        let expected: @Sendable (String) -> String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "malformed JSON", mutate: { String($0.prefix(40)) }, expected: { _ in "line: is not valid JSON" }),
        Case(
            name: "unknown event type",
            mutate: { $0.replacingOccurrences(of: "\"eventType\":\"UserCreated\"", with: "\"eventType\":\"UserTeleported\"") },
            expected: { _ in "eventType: UserTeleported is not a known event type (see docs/events.md)" }),
        Case(
            name: "missing envelope field",
            mutate: { $0.replacingOccurrences(of: "\"actor\":\"u-admin\",", with: "") },
            expected: { _ in "actor: is missing" }),
        Case(
            name: "missing payload field",
            mutate: { $0.replacingOccurrences(of: ",\"username\":\"admin\"", with: "") },
            expected: { _ in "payload.username: is missing" }),
        Case(
            name: "wrong date",
            mutate: { $0.replacingOccurrences(of: "\"occurredAt\":\"2024-04-01T", with: "\"occurredAt\":\"2024-04-31T") },
            expected: { line in
                let bad = line.components(separatedBy: "\"occurredAt\":\"")[1].prefix(while: { $0 != "\"" })
                return "occurredAt: '\(bad)' is not an ISO 8601 date-time such as 2025-04-01T09:30:00Z"
            }),
        Case(
            name: "duplicate event id with other content",
            mutate: { $0.replacingOccurrences(of: "Systems Administrator", with: "Someone Else") },
            expected: { line in
                let id = line.components(separatedBy: "\"eventId\":\"")[1].prefix(36)
                return "eventId: \(id) is already in the log at position 1 with different content"
            }),
        Case(
            name: "unknown stream",
            mutate: { $0.replacingOccurrences(of: "\"stream\":\"user-u-admin\"", with: "\"stream\":\"client-c-999999\"") },
            expected: { _ in "stream: is client-c-999999, but this UserCreated belongs in user-u-admin" }),
    ]

    @Test("a bad line is named as FILE:LINE: field: problem and nothing is imported", arguments: cases)
    func badLine(_ testCase: Case) async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let lines = try String(contentsOfFile: try harbour.generated(40), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(try harbour.run(["init"]).status == 0)
        #expect(try harbour.run(["import", try harbour.file("first.jsonl", lines: Array(lines[0..<20]))]).status == 0)
        let before = try await harbour.head()
        let mutated = testCase.mutate(lines[0])
        #expect(mutated != lines[0], "the mutation must change the line")
        let file = try harbour.file("bad.jsonl", lines: Array(lines[20..<40]) + [mutated])
        let result = try harbour.run(["import", file])
        #expect(result.status == 4)
        #expect(
            result.stderr == """
                \(file):21: \(testCase.expected(mutated))
                harbour: error: \(file) has 1 bad line; nothing was imported (fix them, or pass --skip-invalid)

                """)
        let after = try await harbour.head()
        #expect(after?.position == before?.position)
        #expect(after?.hash == before?.hash)
    }

    @Test("a folder without a store is refused and left without one")
    func wrongDataFolder() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let file = try harbour.generated(5)
        let empty = harbour.folder.child("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        for command in [["import", file], ["export"], ["verify"], ["stats"], ["backup", harbour.folder.child("b")]] {
            let result = try harbour.run(command + ["--data", empty], addData: false)
            #expect(result.status == 5, "\(command)")
            #expect(result.stderr == "harbour: error: \(empty) holds no Harbour store: run `harbour init --data \(empty)` first, or pass --data\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty)
        let notEmpty = try harbour.run(["init", "--data", harbour.folder.path], addData: false)
        #expect(notEmpty.status == 5)
        #expect(notEmpty.stderr.contains("is not empty and holds no Harbour store"))
    }

    @Test("usage errors exit with status 2 and say what is wrong")
    func usage() throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let missing = try harbour.run(["import", harbour.folder.child("nowhere.jsonl")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("FILE: cannot read \(harbour.folder.child("nowhere.jsonl"))"))
        let unknown = try harbour.run(["frobnicate"])
        #expect(unknown.status == 2)
        let badRole = try harbour.run(["users", "add", "amina", "--name", "Amina", "--role", "queen"])
        #expect(badRole.status == 2)
        #expect(badRole.stderr.contains("role: 'queen' is not a role"))
    }
}
