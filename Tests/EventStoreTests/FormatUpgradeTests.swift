@testable import EventStore
import Foundation
import HarbourTestSupport
import LMDB
import Testing

/// Rewrites a store as an older build left it: the log in a database named `log` under 8-byte
/// big-endian positions (formats 1–3), the main database holding only database names.
enum LegacyFormat {
    static func rewrite(_ path: String, as format: UInt8, keepsIndexedThrough: Bool = true) throws {
        let environment = try Environment(path: path)
        defer { environment.close() }
        let main = try environment.openMainDatabase()
        let log = try environment.openDatabase(named: "log")
        let meta = try environment.openDatabase(named: "meta", create: false)
        try environment.write { transaction in
            var records: [(key: [UInt8], value: [UInt8])] = []
            try transaction.withCursor(main) { cursor in
                var entry = try cursor.seek(atOrAfter: [0xFF])
                while let current = entry {
                    records.append((Array(current.key), Array(current.value)))
                    entry = try cursor.next()
                }
            }
            for record in records {
                #expect(record.key.count == 9 && record.key[0] == 0xFF)
                try transaction.put(log, key: Array(record.key.dropFirst()), value: record.value, flags: .append)
                #expect(try transaction.delete(main, key: record.key))
            }
            try transaction.put(meta, key: Array("format-version".utf8), value: [format, 0, 0, 0])
            if !keepsIndexedThrough { try transaction.delete(meta, key: Array("indexed-through".utf8)) }
        }
    }
}

@Suite("On-disk format upgrades")
struct FormatUpgradeTests {
    private func storeWithHistory(_ path: String) async throws -> [RecordedEvent] {
        let store = try EventStore.open(directory: path)
        for index in 0..<30 { _ = try await store.append(.samples(1 + index % 3), to: "client-\(index % 4)") }
        let events = try store.readAll(limit: 1_000)
        await store.close()
        return events
    }

    @Test("a format 3 store opens as format 4: the same records and hashes, the log moved into the main database")
    func upgradesFormat3() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.child("store")
        let before = try await storeWithHistory(path)
        try LegacyFormat.rewrite(path, as: 3)

        let store = try EventStore.open(directory: path)
        #expect(try store.readAll(limit: 1_000) == before)
        #expect(try store.readStream("client-2").map(\.position) == before.filter { $0.streamId == "client-2" }.map(\.position))
        #expect(try store.verify().isIntact)
        let (format, legacyLog, keys) = try store.read { transaction in
            (try transaction.get(store.layout.meta, key: StoreLayout.formatKey).map { Array($0) },
             try transaction.openExistingDatabase(named: "log"),
             try transaction.withCursor(store.layout.log) { cursor in
                var keys: [[UInt8]] = []
                var entry = try cursor.seek(atOrAfter: [0xFF])
                while let current = entry { keys.append(Array(current.key)); entry = try cursor.next() }
                return keys
             })
        }
        #expect(format == [4, 0, 0, 0])
        #expect(legacyLog == nil)
        #expect(keys == before.map { [0xFF] + BigEndian.bytes($0.position) })
        let next = try await store.append(.samples(1), to: "client-9")
        #expect(next.positions == [UInt64(before.count + 1)])
        await store.close()

        let reopened = try EventStore.open(directory: path)
        #expect(try reopened.verify().isIntact)
        #expect(try reopened.readAll(limit: 1_000).count == before.count + 1)
        await reopened.close()
    }

    @Test("a format 3 log with a key that is not a position is refused at open, and the store is left as it was")
    func corruptLegacyLogRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.child("store")
        _ = try await storeWithHistory(path)
        try LegacyFormat.rewrite(path, as: 3)
        do {
            let environment = try Environment(path: path)
            defer { environment.close() }
            let log = try environment.openDatabase(named: "log", create: false)
            try environment.write { try $0.put(log, key: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], value: [0]) }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path + "/data.mdb"))

        #expect {
            try EventStore.open(directory: path)
        } throws: { error in
            guard case EventStoreError.corruptRecord(_, let reason) = error else { return false }
            return reason.contains("9-byte key")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "/data.mdb")) == before)
    }
}
