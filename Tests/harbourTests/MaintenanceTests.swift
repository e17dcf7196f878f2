import EventStore
import Foundation
import HarbourTestSupport
import Testing

@Suite("verify, backup, restore, stats")
struct MaintenanceTests {
    @Test("verify passes an intact store and names the first bad position of a tampered one")
    func verifyTampered() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        #expect(try harbour.run(["init"]).status == 0)
        #expect(try harbour.run(["import", try harbour.generated(300)]).status == 0)
        let intact = try harbour.run(["verify"])
        #expect(intact.status == 0)
        #expect(intact.stdout == "chain intact: 300 events checked, head at position 300\n")
        // Flip one byte inside a payload, the text of a staff member's display name, in every
        // copy of it in the file: freed pages keep stale copies of records, and the first copy
        // may be one of those, which verify rightly never reads.
        let path = harbour.data + "/data.mdb"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let needle = Data("Settlement Worker 7".utf8)
        var searchFrom = bytes.startIndex
        while let found = bytes.range(of: needle, in: searchFrom..<bytes.endIndex) {
            bytes[found.lowerBound] ^= 0x01
            searchFrom = found.upperBound
        }
        #expect(searchFrom > bytes.startIndex, "the name is in the file")
        try bytes.write(to: URL(fileURLWithPath: path))
        let broken = try harbour.run(["verify"])
        #expect(broken.status == 3)
        #expect(broken.stderr.hasPrefix("harbour: error: verification failed at position "))
        let position = broken.stderr.dropFirst("harbour: error: verification failed at position ".count).prefix { $0.isNumber }
        #expect(Int(position).map { (1...300).contains($0) } == true, "\(broken.stderr)")
    }

    @Test("backup and restore carry the ballot keys of open elections, owner-only")
    func backupCarriesBallotKeys() throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        #expect(try harbour.run(["init"]).status == 0)
        let keys = harbour.data + "/ballot-keys"
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        let key = Data((0..<32).map { UInt8($0) })
        #expect(FileManager.default.createFile(atPath: keys + "/652d31.key", contents: key, attributes: [.posixPermissions: 0o600]))
        let backup = harbour.folder.child("backup")
        #expect(try harbour.run(["backup", backup]).status == 0)
        let copied = backup + "/ballot-keys/652d31.key"
        #expect(FileManager.default.contents(atPath: copied) == key)
        let mode = try FileManager.default.attributesOfItem(atPath: copied)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        try FileManager.default.removeItem(atPath: keys)
        let restored = try harbour.run(["restore", backup, "--force"])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(FileManager.default.contents(atPath: keys + "/652d31.key") == key)
    }

    @Test("backup while another process imports verifies, and restore refuses to replace without --force")
    func backupUnderLoad() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        #expect(try harbour.run(["init"]).status == 0)
        let load = try harbour.start(["import", try harbour.generated(4_000), "--batch-events", "200", "--quiet"])
        // Wait until the importer is writing, then copy while it continues.
        let deadline = Date().addingTimeInterval(30)
        while try await harbour.head()?.position ?? 0 == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let backup = harbour.folder.child("backup")
        let copied = try harbour.run(["backup", backup])
        let loadResult = load.waitUntilExit()
        #expect(loadResult.status == 0, "\(String(decoding: loadResult.standardError, as: UTF8.self))")
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout.hasPrefix("backup in \(backup) intact: "))
        let verified = try harbour.run(["verify", "--data", backup], addData: false)
        #expect(verified.status == 0)
        let refused = try harbour.run(["restore", backup])
        #expect(refused.status == 5)
        #expect(refused.stderr.contains("already holds a store: pass --force"))
        #expect(try await harbour.head()?.position == 4_000)
        let restored = try harbour.run(["restore", backup, "--force"])
        #expect(restored.status == 0, "\(restored.stderr)")
        let backupHead = try await harbour.head(of: backup)
        #expect(try await harbour.head()?.position == backupHead?.position)
        #expect(try FileManager.default.contentsOfDirectory(atPath: harbour.folder.path).contains { $0.hasPrefix("data.replaced-") })
    }

    @Test("stats shows events, streams, sizes, readers and the last position and time")
    func stats() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        #expect(try harbour.run(["init"]).status == 0)
        #expect(try harbour.run(["import", try harbour.generated(100)]).status == 0)
        let result = try harbour.run(["stats"])
        #expect(result.status == 0)
        for name in ["events            100", "streams ", "size on disk ", "map size ", "map used ", "readers in use ", "last position     100", "last recorded at  20"] {
            #expect(result.stdout.contains(name), "\(name)")
        }
    }

    @Test("every subcommand's help has an example, and the root help documents exit statuses")
    func help() throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let root = try harbour.run(["--help"], addData: false)
        #expect(root.stdout.contains("3  the hash chain is broken"))
        for command in [["demo"], ["init"], ["import"], ["export"], ["verify"], ["backup"], ["restore"], ["stats"], ["generate"],
                        ["users"], ["users", "add"], ["users", "grant"], ["users", "revoke"], ["users", "disable"], ["users", "list"],
                        ["projections"], ["rebuild"], ["replay"], ["report"], ["report", "funder"], ["audit"]] {
            let help = try harbour.run(command + ["--help"], addData: false)
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "\(command)")
        }
    }
}
