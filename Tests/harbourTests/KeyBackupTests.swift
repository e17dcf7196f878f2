import EventStore
import Events
import Foundation
import HarbourTestSupport
@_spi(Testing) import Privacy
import Testing

@Suite("data keys in backup and restore")
struct KeyBackupTests {
    static let master = MasterKey(bytes: (0..<32).map { _ in UInt8(0x5a) })

    /// Every sealed box in the payloads of the store at `data`, and how many of them `ring`
    /// opens.
    static func sealedBoxes(in data: String, ring: KeyRing) async throws -> (boxes: Int, opened: Int) {
        let store = try EventStore.open(directory: data, create: false)
        var boxes = 0
        var opened = 0
        try store.scan { record in
            for box in try SealedPayloads.boxes(in: record.payload) {
                boxes += 1
                if try ring.open(box) != nil { opened += 1 }
            }
            return true
        }
        await store.close()
        return (boxes, opened)
    }

    @Test("a backup taken while sealed events are appended holds every key its log uses; the restore opens them all")
    func backupUnderSealedWrites() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let seeding = try harbour.start(["demo", "--events", "6000", "--quiet"])
        let deadline = Date().addingTimeInterval(60)
        while (try? await harbour.head()?.position) ?? 0 == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let backup = harbour.folder.child("backup")
        let copied = try harbour.run(["backup", backup])
        let seedingResult = seeding.waitUntilExit()
        #expect(seedingResult.status == 0, "\(String(decoding: seedingResult.standardError, as: UTF8.self))")
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stderr.contains(" data keys"), "\(copied.stderr)")
        let keysMode = try FileManager.default.attributesOfItem(atPath: backup + "/keys/data.mdb")[.posixPermissions] as? NSNumber
        #expect(keysMode?.intValue == 0o600)

        let restoredFolder = harbour.folder.child("restored")
        let restored = try harbour.run(["restore", backup, "--data", restoredFolder], addData: false)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains(" data keys from "), "\(restored.stdout)")
        let ring = try KeyRing.open(dataDirectory: restoredFolder, master: Self.master)
        let (boxes, opened) = try await Self.sealedBoxes(in: restoredFolder, ring: ring)
        #expect(boxes > 100)
        #expect(opened == boxes)
    }

    @Test("a backup made after an erasure holds no trace of the erased client's key; the other clients' keys still open")
    func backupAfterErasure() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        #expect(try harbour.run(["demo", "--events", "1500", "--quiet"]).status == 0)
        let clientId = try #require(try await Self.aRegisteredClient(in: harbour.data))
        let keyId = StreamID.client(clientId)
        let material: (wrapped: [UInt8], raw: [UInt8])
        do {
            let ring = try KeyRing.open(dataDirectory: harbour.data, master: Self.master)
            material = try #require(try ring.keyMaterial(keyId))
        }
        let erased = try harbour.run(["privacy", "erase", clientId.rawValue, "--reference", "PR-7"])
        #expect(erased.status == 0, "\(erased.stderr)")
        let backup = harbour.folder.child("backup")
        let copied = try harbour.run(["backup", backup])
        #expect(copied.status == 0, "\(copied.stderr)")
        let left = try FolderScan(backup).occurrences(of: [material.wrapped, material.raw])
        #expect(left.isEmpty, "\(left)")
        #expect(FileManager.default.fileExists(atPath: backup + "/keys/data.mdb"))
        let restoredFolder = harbour.folder.child("restored")
        #expect(try harbour.run(["restore", backup, "--data", restoredFolder], addData: false).status == 0)
        let ring = try KeyRing.open(dataDirectory: restoredFolder, master: Self.master)
        #expect(try ring.isErased(keyId))
        let (boxes, opened) = try await Self.sealedBoxes(in: restoredFolder, ring: ring)
        #expect(opened > 0)
        #expect(opened < boxes)
    }

    /// The first client registered in the store at `data`.
    static func aRegisteredClient(in data: String) async throws -> ClientID? {
        let store = try EventStore.open(directory: data, create: false)
        let first = try store.readCategory("client", limit: 1).first
        await store.close()
        return first.map { ClientID(String($0.streamId.dropFirst("client-".count))) }
    }
}

@Suite("retention from the command line")
struct RetentionCommandTests {
    @Test("retention-report lists what falls due, names a bad policy field, and retention-run refuses a future day")
    func reportAndRun() throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        #expect(try harbour.run(["demo", "--events", "800", "--quiet"]).status == 0)
        let none = try harbour.run(["privacy", "retention-report", "--as-of", "2026-01-01"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout == "0 records due for erasure as of 2026-01-01\n")
        let later = try harbour.run(["privacy", "retention-report", "--as-of", "2060-01-01"])
        let lines = later.stdout.split(separator: "\n")
        let count = try #require(Int(lines.first?.prefix { $0.isNumber } ?? ""))
        #expect(count > 0 && lines.count == count + 1)
        #expect(lines.dropFirst().allSatisfy { $0.contains("  clientFile  ") || $0.contains("  membership  ") })

        try Data(#"{"clientFileYearsAfterLastCaseClosed": 0}"#.utf8).write(to: URL(fileURLWithPath: harbour.data + "/retention.json"))
        let bad = try harbour.run(["privacy", "retention-report"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("retention.json: clientFileYearsAfterLastCaseClosed must be a whole number of years from 1 to 100"), "\(bad.stderr)")
        try Data(#"{"clientFileYearsAfterLastCaseClosed": 1}"#.utf8).write(to: URL(fileURLWithPath: harbour.data + "/retention.json"))
        let future = try harbour.run(["privacy", "retention-run", "--as-of", "2999-01-01"])
        #expect(future.status == 1)
        #expect(future.stderr.contains("asOf: 2999-01-01 is after today"), "\(future.stderr)")
    }
}
