import Casework
import EventStore
import Events
import Foundation
import HarbourTestSupport
import Privacy
import Testing

@Suite("privacy")
struct PrivacyCommandTests {
    /// A named client of the demo history and the plaintexts that must never be on disk.
    static func namedClient(in data: String, keyFile: String) async throws -> (ClientID, [String])? {
        let ring = try KeyRing.open(dataDirectory: data, master: MasterKey.read(file: keyFile))
        let store = try EventStore.open(directory: data, create: false)
        let registry = EventRegistry.standard.opening(with: ring)
        var found: (ClientID, [String])?
        try store.scan { record in
            guard record.eventType == ClientRegistered.eventType,
                let registered = try record.decoded(registry: registry) as? ClientRegistered,
                let personal = registered.personal?.value, let phone = personal.contact.phone
            else { return true }
            // Names shorter than 6 letters could turn up by chance in base64 ciphertext.
            let names = [personal.givenNames, personal.familyName].filter { $0.count >= 6 }
            found = (registered.clientId, names + [phone] + [personal.contact.email].compactMap { $0 })
            return false
        }
        await store.close()
        return found
    }

    static func occurrences(of needles: [String], under folder: String) throws -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            guard let bytes = FileManager.default.contents(atPath: folder + "/" + relative) else { continue }
            for needle in needles where bytes.range(of: Data(needle.utf8)) != nil { found.append("\(relative): \(needle)") }
        }
        return found
    }

    @Test("a master key file, sealed demo data, hold, release, erase; nothing personal left in the folder, an export or a backup")
    func eraseFromTheCommandLine() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let keyFile = harbour.folder.child("master.key")
        let made = try harbour.run(["privacy", "new-master-key", "--file", keyFile], addData: false)
        #expect(made.status == 0, "\(made.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let env = ["HARBOUR_MASTER_KEY_FILE": keyFile, "HARBOUR_MASTER_KEY": ""]
        #expect(try harbour.run(["demo", "--events", "1500", "--quiet"], environment: env).status == 0)
        let (client, plaintexts) = try #require(try await Self.namedClient(in: harbour.data, keyFile: keyFile))

        let exported = try harbour.run(["privacy", "access-export", client.rawValue, "--out", harbour.folder.child("access.json")], environment: env)
        #expect(exported.status == 0, "\(exported.stderr)")
        let json = try String(contentsOfFile: harbour.folder.child("access.json"), encoding: .utf8)
        for plaintext in plaintexts { #expect(json.contains(plaintext)) }
        let html = try harbour.run(["privacy", "access-export", client.rawValue, "--format", "html"], environment: env)
        #expect(html.stdout.contains("<h1>Everything held about client \(client.rawValue)</h1>"))
        #expect(html.stdout.contains("Who viewed the file"))
        try FileManager.default.removeItem(atPath: harbour.folder.child("access.json"))

        let keysFile = harbour.data + "/keys/data.mdb"
        let keysBefore = try Data(contentsOf: URL(fileURLWithPath: keysFile))
        let wrong = try harbour.run(["privacy", "hold", client.rawValue, "--hold-id", "h1", "--reason", "Audit"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("the master key does not open \(harbour.data)/keys"), "\(wrong.stderr)")
        chmod(keyFile, 0o644)
        let loose = try harbour.run(["privacy", "hold", client.rawValue, "--hold-id", "h1", "--reason", "Audit"], environment: env)
        #expect(loose.status == 2)
        #expect(loose.stderr.contains("chmod 600 \(keyFile)"), "\(loose.stderr)")
        chmod(keyFile, 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: keysFile)) == keysBefore)

        let hold = try harbour.run(["privacy", "hold", client.rawValue, "--hold-id", "ircc-2025", "--reason", "IRCC contract retention"], environment: env)
        #expect(hold.status == 0, "\(hold.stderr)")
        let blocked = try harbour.run(["privacy", "erase", client.rawValue, "--reference", "PR-1"], environment: env)
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("clientId: is under legal hold ircc-2025 (IRCC contract retention"), "\(blocked.stderr)")
        #expect(try harbour.run(["privacy", "release", client.rawValue, "--hold-id", "ircc-2025"], environment: env).status == 0)
        let erased = try harbour.run(["privacy", "erase", client.rawValue, "--reference", "PR-1"], environment: env)
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(erased.stdout.contains("erased client \(client.rawValue) on "))
        let again = try harbour.run(["privacy", "erase", client.rawValue, "--reference", "PR-1"], environment: env)
        #expect(again.status == 1)

        #expect(try harbour.run(["verify"]).status == 0)
        #expect(try harbour.run(["export", "--out", harbour.folder.child("export.jsonl")]).status == 0)
        #expect(try harbour.run(["backup", harbour.folder.child("backup")]).status == 0)
        #expect(try Self.occurrences(of: plaintexts, under: harbour.folder.path).isEmpty)
        #expect(try await Self.namedClient(in: harbour.data, keyFile: keyFile)?.0 != client)
    }

    @Test("rotate-master-key re-wraps the data keys; only the new key opens them afterwards")
    func rotate() throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let oldKey = harbour.folder.child("old.key")
        let newKey = harbour.folder.child("new.key")
        #expect(try harbour.run(["privacy", "new-master-key", "--file", oldKey], addData: false).status == 0)
        #expect(try harbour.run(["privacy", "new-master-key", "--file", newKey], addData: false).status == 0)
        let refused = try harbour.run(["privacy", "new-master-key", "--file", newKey], addData: false)
        #expect(refused.status == 1)
        let old = ["HARBOUR_MASTER_KEY_FILE": oldKey]
        #expect(try harbour.run(["demo", "--events", "600", "--quiet"], environment: old).status == 0)
        let rotated = try harbour.run(["privacy", "rotate-master-key", "--new-key-file", newKey], environment: old)
        #expect(rotated.status == 0, "\(rotated.stderr)")
        #expect(rotated.stdout.hasPrefix("re-wrapped "))
        let stale = try harbour.run(["privacy", "hold", "c-0001", "--hold-id", "h", "--reason", "r"], environment: old)
        #expect(stale.status == 2)
        #expect(stale.stderr.contains("does not open"))
        let missing = try harbour.run(["demo"], environment: ["HARBOUR_MASTER_KEY": ""])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no master key"), "\(missing.stderr)")
    }
}
