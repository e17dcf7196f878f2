import EventStore
import Foundation
import HarbourTestSupport
import LMDB
import Testing

@Suite("Integrity")
struct IntegrityTests {
    @Test("verify passes on an intact log")
    func intact() async throws {
        try await withTemporaryStore { store in
            for index in 0..<20 { _ = try await store.append(.samples(3), to: "client-\(index % 4)") }
            var progressCalls = 0
            let report = try store.verify(pageEvents: 16) { _, _ in progressCalls += 1 }
            #expect(report.isIntact)
            #expect(report.eventsChecked == 60)
            #expect(progressCalls >= 4)
        }
    }

    @Test("verify names the position of a byte flipped in the data file")
    func flippedByte() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.child("store")
        var store = try EventStore.open(directory: path)
        for index in 1...60 { _ = try await store.append([.sample(String(format: "MARKER-%04d", index))], to: "client-\(index % 7)") }
        await store.close()

        let flipped = try flipEveryOccurrence(of: "MARKER-0042", in: path + "/data.mdb")
        #expect(flipped >= 1)
        store = try EventStore.open(directory: path)
        let report = try store.verify()
        #expect(report.firstProblem?.position == 42)
        #expect(report.firstProblem?.reason.contains("hash mismatch") == true)
        #expect(report.eventsChecked == 41)
        await store.close()
    }

    @Test("a corrupt record is a clear error on read and in verify, not a crash")
    func corruptRecord() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.child("store")
        var store = try EventStore.open(directory: path)
        _ = try await store.append(.samples(5), to: "client-1")
        await store.close()

        let environment = try Environment(path: path)
        let log = try environment.openMainDatabase()
        let keyOfPosition3 = [0xFF] + BigEndian.bytes(3)  // format 4: the log in the main database
        try environment.write { try $0.put(log, key: keyOfPosition3, value: [1, 0, 0, 0]) }
        environment.close()

        store = try EventStore.open(directory: path)
        #expect(throws: EventStoreError.self) { try store.readAll(limit: 10) }
        do {
            _ = try store.readAll(limit: 10)
        } catch let EventStoreError.corruptRecord(position, reason) {
            #expect(position == 3)
            #expect(reason.contains("truncated"))
        }
        #expect(try store.readAll(limit: 2).count == 2, "records before the bad one still read")
        let report = try store.verify()
        #expect(report.firstProblem?.position == 3)
        await store.close()
    }

    /// Changes the first byte of every copy of `marker` in the file (LMDB's copy-on-write may
    /// leave stale copies in free pages). Returns how many copies it changed.
    private func flipEveryOccurrence(of marker: String, in file: String) throws -> Int {
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        let needle = Data(marker.utf8)
        var count = 0
        var searchRange = data.startIndex..<data.endIndex
        while let found = data.range(of: needle, in: searchRange) {
            data[found.lowerBound] ^= 0x01
            count += 1
            searchRange = found.upperBound..<data.endIndex
        }
        try data.write(to: URL(fileURLWithPath: file))
        return count
    }
}
