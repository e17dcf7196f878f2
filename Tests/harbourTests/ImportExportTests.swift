import AgencyHistory
import EventStore
import Foundation
import HarbourTestSupport
import Testing

@Suite("import and export")
struct ImportExportTests {
    @Test("generate, import, export gives the same bytes; importing again appends nothing")
    func roundTrip() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let history = try harbour.generated(1_500)
        #expect(try harbour.run(["init"]).status == 0)
        let imported = try harbour.run(["import", history])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 1,500 events"))
        let again = try harbour.run(["import", history])
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to import: the 1,500 events"))
        #expect(try await harbour.head()?.position == 1_500)
        let exported = harbour.folder.child("export.jsonl")
        #expect(try harbour.run(["export", "--out", exported]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: exported)) == Data(contentsOf: URL(fileURLWithPath: history)))
    }

    @Test("a store appended directly, exported and imported elsewhere has the same hash chain")
    func sameChain() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let original = harbour.folder.child("original")
        let store = try EventStore.open(directory: original)
        for batch in AgencyHistory(seed: 9, count: 1_200).batches(eventsPerBatch: 300) {
            for outcome in try await store.append(batch) { _ = try outcome.get() }
        }
        var hashes: [ChainHash] = []
        try store.scan { hashes.append($0.hash); return true }
        await store.close()
        let file = harbour.folder.child("log.jsonl")
        #expect(try harbour.run(["export", "--out", file, "--data", original], addData: false).status == 0)
        #expect(try harbour.run(["init"]).status == 0)
        #expect(try harbour.run(["import", file]).status == 0)
        let copy = try EventStore.open(directory: harbour.data, create: false)
        var copied: [ChainHash] = []
        try copy.scan { copied.append($0.hash); return true }
        await copy.close()
        #expect(copied.count == 1_200)
        #expect(copied == hashes)
    }

    @Test("export of one stream, and up to a position")
    func exportSlices() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        #expect(try harbour.run(["init"]).status == 0)
        #expect(try harbour.run(["import", try harbour.generated(600)]).status == 0)
        let stream = try harbour.run(["export", "--stream", "election-e-agm-2025"])
        let lines = stream.stdout.split(separator: "\n")
        let fromHistory = AgencyHistory(seed: 1, count: 600).filter { $0.stream == "election-e-agm-2025" }.count
        #expect(lines.count == fromHistory)
        #expect(lines.allSatisfy { $0.contains("\"stream\":\"election-e-agm-2025\"") })
        let first = try harbour.run(["export", "--until", "25"])
        #expect(first.stdout.split(separator: "\n").count == 25)
        let unknown = try harbour.run(["export", "--stream", "client-nobody"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "harbour: error: --stream: no stream named client-nobody in \(harbour.data)\n")
        let badDate = try harbour.run(["export", "--until", "last-tuesday"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--until: 'last-tuesday' is neither a position nor a date"))
    }

    @Test("--skip-invalid imports the good lines and writes the bad ones to the rejects file")
    func skipInvalid() async throws {
        let harbour = try Harbour()
        defer { harbour.remove() }
        let good = try String(contentsOfFile: try harbour.generated(20), encoding: .utf8).split(separator: "\n").map(String.init)
        let file = try harbour.file("mixed.jsonl", lines: Array(good[0..<10]) + ["{not json"] + Array(good[10...]))
        #expect(try harbour.run(["init"]).status == 0)
        let rejects = harbour.folder.child("rejects.jsonl")
        let result = try harbour.run(["import", file, "--skip-invalid", "--rejects", rejects])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(file):11: line: is not valid JSON\n"))
        #expect(result.stdout.contains("imported 20 events"))
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "{not json\n")
        #expect(try await harbour.head()?.position == 20)
    }
}
