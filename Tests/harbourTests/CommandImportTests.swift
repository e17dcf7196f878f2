import Foundation
import HarbourTestSupport
import Testing

@Suite("command import")
struct CommandImportTests {
    /// A worker's intake of a client and a service to them, as a command file's lines.
    static let intake = #"""
        {"command":"RegisterClient","commandId":"0190a0e0-0000-7000-8000-000000000001","actor":"u-amina","input":{"clientId":"c-1","registeredOn":"2025-03-03","givenNames":"Amina","familyName":"Haddad","dateOfBirth":"1988-07-14","gender":"female","immigrationCategory":"refugeeGovernmentAssisted","preferredOfficialLanguage":"english","languagesSpoken":["ar"],"countryOfBirth":"SY","consents":{"privacyStatement":true,"shareWithFunder":true,"shareWithPartners":false}}}
        """#
    static let service = #"""
        {"command":"RecordService","commandId":"0190a0e0-0000-7000-8000-000000000002","actor":"u-amina","input":{"clientId":"c-1","component":"informationAndOrientation","deliveredOn":"2025-03-04","minutes":60,"mode":"inPerson","language":"ar","outcome":"completed"}}
        """#

    /// A store with the worker u-amina and nothing else.
    static func storeWithWorker() throws -> Harbour {
        let harbour = try Harbour()
        #expect(try harbour.run(["init"]).status == 0)
        let added = try harbour.run(["users", "add", "amina", "--name", "Amina Haddad", "--role", "worker"])
        #expect(added.status == 0, "\(added.stderr)")
        return harbour
    }

    @Test("commands are decided by the domain rules, appended as their actor, and a re-import appends nothing")
    func happyPathAndReimport() async throws {
        let harbour = try Self.storeWithWorker()
        defer { harbour.remove() }
        let file = try harbour.file("commands.jsonl", lines: [Self.intake, Self.service])
        let first = try harbour.run(["import", file, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "imported 2 commands (2 events) from \(file); head at position 3\n")
        let exported = try harbour.run(["export"]).stdout.split(separator: "\n")
        #expect(exported.count == 3)
        #expect(exported[1].contains(#""eventId":"0190A0E0-0000-7000-8000-000000000001","eventType":"ClientRegistered""#))
        #expect(exported[2].contains(#""actor":"u-amina""#) && exported[2].contains(#""eventType":"ServiceDelivered""#))
        #expect(!exported[1].contains("Haddad"), "personal fields are sealed")
        let before = try await harbour.head()
        let again = try harbour.run(["import", file, "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "nothing to import: the 2 commands of \(file) are already in the log\n")
        let after = try await harbour.head()
        #expect(after?.position == before?.position && after?.hash == before?.hash)
    }

    /// A bad line and the `field: problem` the import must name for it.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let line: String
        let expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown command", line: service.replacingOccurrences(of: "\"RecordService\"", with: "\"TeleportClient\""),
            expected: "command: TeleportClient is not a command (one of: AcceptReferral, AddPosition, "),
        Case(
            name: "missing input field", line: service.replacingOccurrences(of: "\"minutes\":60,", with: ""),
            expected: "input.minutes: is missing\n"),
        Case(
            name: "missing command id", line: service.replacingOccurrences(of: "\"commandId\":\"0190a0e0-0000-7000-8000-000000000002\",", with: ""),
            expected: "commandId: is missing\n"),
        Case(
            name: "domain rule violated", line: intake.replacingOccurrences(of: "1988-07-14", with: "2090-01-01"),
            expected: "input.dateOfBirth: is in the future (2090-01-01)\n"),
        Case(
            name: "unknown client", line: service.replacingOccurrences(of: "\"c-1\"", with: "\"c-404\""),
            expected: "input.clientId: names no registered client (c-404)\n"),
        Case(
            name: "wrong date", line: service.replacingOccurrences(of: "2025-03-04", with: "2025-02-30"),
            expected: "input.deliveredOn: '2025-02-30' is not a calendar date such as 2025-04-01\n"),
        Case(
            name: "unknown actor", line: service.replacingOccurrences(of: "u-amina", with: "u-nobody"),
            expected: "actor: u-nobody is not a user (create it with `harbour users add`)\n"),
    ]

    @Test("a bad command is named as FILE:LINE: field: problem, exit 4, and nothing is imported", arguments: cases)
    func badCommand(_ testCase: Case) async throws {
        let harbour = try Self.storeWithWorker()
        defer { harbour.remove() }
        let before = try await harbour.head()
        let lines = testCase.name == "domain rule violated" ? [testCase.line, Self.service] : [Self.intake, testCase.line]
        let file = try harbour.file("bad.jsonl", lines: lines)
        let result = try harbour.run(["import", file, "--quiet"])
        #expect(result.status == 4)
        // A bad intake also fails the service after it: the dry run decides each line
        // against the log as the lines before it would leave it.
        let (bad, count) = testCase.name == "domain rule violated" ? (1, 2) : (2, 1)
        #expect(result.stderr.hasPrefix("\(file):\(bad): \(testCase.expected)"), "\(result.stderr)")
        let summary = "harbour: error: \(file) has \(count) bad line\(count == 1 ? "" : "s"); nothing was imported (fix them, or pass --skip-invalid)\n"
        #expect(result.stderr.hasSuffix(summary), "\(result.stderr)")
        let after = try await harbour.head()
        #expect(after?.position == before?.position && after?.hash == before?.hash)
    }

    @Test("--skip-invalid imports the good commands and writes the bad lines to the rejects file")
    func skipInvalid() async throws {
        let harbour = try Self.storeWithWorker()
        defer { harbour.remove() }
        let bad = Self.service.replacingOccurrences(of: "\"c-1\"", with: "\"c-404\"")
        let file = try harbour.file("mixed.jsonl", lines: [Self.intake, bad, Self.service])
        let rejects = harbour.folder.child("rejects.jsonl")
        let result = try harbour.run(["import", file, "--skip-invalid", "--rejects", rejects, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "\(file):2: input.clientId: names no registered client (c-404)\n")
        #expect(result.stdout == "imported 2 commands (2 events) from \(file); head at position 3; 1 bad lines written to \(rejects)\n")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == bad + "\n")
    }
}
