import AgencyHistory
import Foundation
import HarbourTestSupport
import Testing

@Suite("users and demo")
struct UsersAndDemoTests {
    @Test("users add, grant, revoke, disable and list go through Casework's rules")
    func users() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        #expect(try harbour.run(["init"]).status == 0)
        let added = try harbour.run(["users", "add", "amina", "--name", "Amina Haddad", "--role", "worker"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try harbour.run(["users", "grant", "u-amina", "supervisor"]).status == 0)
        #expect(try harbour.run(["users", "revoke", "u-amina", "worker"]).status == 0)
        #expect(try harbour.run(["users", "list"]).stdout == "u-amina\tamina\tsupervisor\tno password\n")
        let argument = try harbour.run(["users", "password", "u-amina"], input: "correct horse battery\n")
        #expect(argument.status == 2 && argument.stderr.contains("--password-stdin: required"), "\(argument.stderr)")
        let short = try harbour.run(["users", "password", "u-amina", "--password-stdin"], input: "short\n")
        #expect(short.status == 2 && short.stderr.contains("standard input: the password has 5 characters; at least 12"), "\(short.stderr)")
        let set = try harbour.run(["users", "password", "u-amina", "--password-stdin", "--cost", "10"], input: "correct horse battery\n")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try harbour.run(["users", "list"]).stdout == "u-amina\tamina\tsupervisor\tactive\n")
        #expect(try harbour.run(["users", "disable", "u-amina", "--reason", "Left the agency"]).status == 0)
        #expect(try harbour.run(["users", "list"]).stdout == "u-amina\tamina\tsupervisor\tdisabled\n")
        let before = try await harbour.head()
        let unknown = try harbour.run(["users", "grant", "u-nobody", "worker"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("harbour: error: userId: "))
        #expect(try await harbour.head()?.position == before?.position)
    }

    @Test("demo seeds the default data folder once, then only summarizes")
    func demo() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let data = harbour.folder.child("demo-data")
        let first = try harbour.run(["demo", "--events", "800"], addData: false, environment: ["HARBOUR_DATA": data])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("seeded \(data) with a generated agency history of 800 events"))
        #expect(first.stdout.contains("Events by type:"))
        #expect(first.stdout.contains("Hash chain verified: 800 events intact."))
        let second = try harbour.run(["demo"], addData: false, environment: ["HARBOUR_DATA": data])
        #expect(second.status == 0)
        #expect(!second.stdout.contains("seeded"))
        #expect(second.stdout.contains("Harbour store in \(data): 800 events"))
        let defaultFolder = try harbour.run(["demo", "--events", "300", "--quiet"], addData: false)
        #expect(defaultFolder.status == 0)
        #expect(FileManager.default.fileExists(atPath: harbour.folder.child("harbour-data/data.mdb")))
    }

    @Test("generate writes the same bytes for the same seed and size")
    func generate() throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let out = harbour.folder.child("g.jsonl")
        #expect(try harbour.run(["generate", "--seed", "5", "--events", "500", "--out", out], addData: false).status == 0)
        let viaLibrary = try harbour.generated(500, seed: 5, name: "lib.jsonl")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: viaLibrary)))
        let other = try harbour.run(["generate", "--seed", "6", "--events", "500"], addData: false)
        #expect(other.stdout.split(separator: "\n").count == 500)
        #expect(Data(other.stdout.utf8) != (try Data(contentsOf: URL(fileURLWithPath: out))))
    }
}
