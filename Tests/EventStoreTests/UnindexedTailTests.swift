@testable import EventStore
import Foundation
import HarbourTestSupport
import LMDB
import Testing

/// The stream and category indexes follow the log: the records past `indexed-through` (the
/// unindexed tail) must read, conflict and survive exactly as indexed ones do.
@Suite("Unindexed tail")
struct UnindexedTailTests {
    /// The writer never catches the indexes up by itself: only when a test asks.
    static let manualCatchUp = StoreConfiguration(limits: StoreLimits(indexTailEventsMax: 1_000_000, indexDelayMilliseconds: 600_000))

    /// client-1 versions 0–4 and member-1 0–1 indexed; client-1 5–7, client-2 0 and
    /// member-1 2 in the tail (positions 8–12).
    func indexedThenTail(_ store: EventStore) async throws {
        _ = try await store.append(.samples(5, prefix: "a"), to: "client-1")
        _ = try await store.append(.samples(2, prefix: "m"), to: "member-1")
        await store.writer.catchUpIndexes()
        _ = try await store.append(.samples(3, prefix: "b"), to: "client-1")
        _ = try await store.append([.sample("c")], to: "client-2")
        _ = try await store.append([.sample("n")], to: "member-1")
        let tail = store.tailIndex.current
        #expect(tail.indexedThrough == 7)
        #expect(tail.head == 12)
        let stored = try store.read { try IndexedThrough.read(in: $0, layout: store.layout) }
        #expect(stored == 7)
    }

    @Test("reads by stream and category span the indexes and the tail", arguments: [TailSource.publishedOrLog, .log])
    func readsSeeTail(source: TailSource) async throws {
        try await withTemporaryStore(configuration: Self.manualCatchUp) { store in
            try await indexedThenTail(store)
            func versions(_ stream: String, from version: UInt64? = nil, _ direction: ReadDirection = .forwards, limit: Int = .max) throws -> [UInt64] {
                try store.readStream(stream, from: version, direction: direction, limit: limit, source: source).map(\.streamVersion)
            }
            #expect(try versions("client-1") == Array(0...7))
            #expect(try versions("client-1", from: 3, limit: 4) == [3, 4, 5, 6])
            #expect(try versions("client-1", from: 6) == [6, 7])
            #expect(try versions("client-1", .backwards) == Array((0...7).reversed()))
            #expect(try versions("client-1", from: 6, .backwards, limit: 3) == [6, 5, 4])
            #expect(try versions("client-1", from: 3, .backwards, limit: 2) == [3, 2])
            #expect(try versions("client-2") == [0])
            #expect(try versions("client-3").isEmpty)
            #expect(try store.readStream("client-1", from: nil, direction: .forwards, limit: .max, source: source).map(\.text).suffix(3) == ["b-0", "b-1", "b-2"])
            #expect(try store.streamVersion("client-1", source: source) == 7)
            #expect(try store.streamVersion("client-2", source: source) == 0)
            #expect(try store.streamVersion("member-1", source: source) == 2)
            #expect(try store.streamVersion("client-3", source: source) == nil)
            #expect(try store.readCategory("member", from: 1, limit: 10, source: source).map(\.text) == ["m-0", "m-1", "n"])
            #expect(try store.readCategory("client", from: 4, limit: 4, source: source).map(\.position) == [4, 5, 8, 9])
            #expect(try store.readCategory("client", from: 9, limit: 10, source: source).map(\.position) == [9, 10, 11])
            #expect(try store.statistics().streams == 3)
        }
    }

    @Test("expected versions are checked against the tail's heads")
    func expectedVersionAgainstTail() async throws {
        try await withTemporaryStore(configuration: Self.manualCatchUp) { store in
            try await indexedThenTail(store)
            await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "client-1", expected: .exactly(4), actual: 7)) {
                try await store.append([.sample()], to: "client-1", expected: .exactly(4))
            }
            await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "client-2", expected: .noStream, actual: 0)) {
                try await store.append([.sample()], to: "client-2", expected: .noStream)
            }
            let appended = try await store.append([.sample()], to: "client-1", expected: .exactly(7))
            #expect(appended.streamVersion == 8)
            // Two requests of one group commit: the second sees the first's head.
            let outcomes = try await store.append([
                StreamAppend(stream: "client-9", events: [.sample()], expected: .noStream),
                StreamAppend(stream: "client-9", events: [.sample()], expected: .exactly(0)),
                StreamAppend(stream: "client-9", events: [.sample()], expected: .exactly(0)),
            ])
            #expect(try outcomes[1].get().streamVersion == 1)
            #expect(throws: EventStoreError.wrongExpectedVersion(stream: "client-9", expected: .exactly(0), actual: 1)) { try outcomes[2].get() }
            #expect(store.tailIndex.current.streams[Array("client-9".utf8)]?.map(\.version) == [0, 1])
        }
    }

    @Test("a transaction that fails leaves the tail as it was")
    func failedTransactionKeepsTail() async throws {
        var configuration = StoreConfiguration.small(mapSizeBytes: 1 << 20)
        configuration.environment.mapSizeBytesMax = 2 << 20
        configuration.limits = Self.manualCatchUp.limits
        try await withTemporaryStore(configuration: configuration) { store in
            _ = try await store.append(.samples(3), to: "client-1")
            let before = store.tailIndex.current
            let payload = String(repeating: "f", count: 900_000)
            await #expect(throws: EventStoreError.storeFull(mapSizeBytesMax: 2 << 20)) {
                try await store.append((0..<3).map { .sample("\($0)\(payload)") }, to: "client-1")
            }
            let after = store.tailIndex.current
            #expect(after.head == before.head)
            #expect(after.streams == before.streams)
            #expect(after.categories == before.categories)
            #expect(try store.streamVersion("client-1") == 2)
            #expect(try await store.append([.sample()], to: "client-1", expected: .exactly(2)).positions == [4])
        }
    }

    @Test("the catch-up writes the tail into the indexes, and verify checks them")
    func catchUp() async throws {
        try await withTemporaryStore(configuration: Self.manualCatchUp) { store in
            try await indexedThenTail(store)
            await store.writer.catchUpIndexes()
            #expect(store.tailIndex.current.eventCount == 0)
            let stored = try store.read { transaction in
                (try IndexedThrough.read(in: transaction, layout: store.layout),
                 try StreamIndex.positions(ofKey: Array("client-1".utf8), from: nil, direction: .forwards, limit: .max, in: transaction, layout: store.layout))
            }
            #expect(stored.0 == 12)
            #expect(stored.1 == [1, 2, 3, 4, 5, 8, 9, 10])
            #expect(try store.readCategory("member", limit: 10).map(\.position) == [6, 7, 12])
            #expect(try store.verify().isIntact)
            let statistics = await store.writerStatistics()
            #expect(statistics.indexCatchUps == 2)
        }
    }

    @Test("the writer catches up by itself once the tail reaches its limit or waits too long")
    func automaticCatchUp() async throws {
        let configuration = StoreConfiguration(limits: StoreLimits(indexTailEventsMax: 10, indexDelayMilliseconds: 50))
        try await withTemporaryStore(configuration: configuration) { store in
            _ = try await store.append(.samples(12), to: "client-1")
            #expect(store.tailIndex.current.eventCount == 0, "12 events passed the limit of 10")
            #expect(await store.writerStatistics().indexCatchUpsInAppends == 1)
            _ = try await store.append(.samples(2), to: "client-1")
            #expect(store.tailIndex.current.eventCount == 2)
            // 50 ms, but a loaded machine running the whole suite may take far longer to fire
            // the timer (the full suite once saw 500 ms pass without it): wait up to 10 s.
            let deadline = ContinuousClock.now + .seconds(10)
            while store.tailIndex.current.eventCount > 0 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(store.tailIndex.current.eventCount == 0, "the delay has passed")
            #expect(await store.writerStatistics().indexCatchUps == 1, "caught up by the timer, not by an append")
            #expect(try store.readStream("client-1").map(\.streamVersion) == Array(0...13))
            #expect(try store.read { try IndexedThrough.read(in: $0, layout: store.layout) } == 14)
            #expect(try store.verify().isIntact)
        }
    }

    @Test("a grouped commit that fills the tail indexes the tail's entries and its own: streams in version order, every id at its position")
    func catchUpInGroupedCommit() async throws {
        let configuration = StoreConfiguration(limits: StoreLimits(indexTailEventsMax: 8, indexDelayMilliseconds: 600_000))
        try await withTemporaryStore(configuration: configuration) { store in
            _ = try await store.append(.samples(3, prefix: "a"), to: "client-1")  // 1-3
            _ = try await store.append(.samples(2, prefix: "m"), to: "member-1")  // 4-5
            // Ids that decrease along the commit, so the index must sort them.
            let ids = (0..<4).map { UUID(uuidString: String(format: "00000000-0000-7000-8000-%012d", 9 - $0))! }
            let outcomes = try await store.append([
                StreamAppend(stream: "client-2", events: [.sample("c", eventId: ids[0])]),  // 6
                StreamAppend(stream: "client-1", events: [.sample("b", eventId: ids[1]), .sample("b", eventId: ids[2])]),  // 7-8
                StreamAppend(stream: "member-1", events: [.sample("n", eventId: ids[3])]),  // 9
            ])
            #expect(try outcomes.map { try $0.get().positions } == [[6], [7, 8], [9]])
            #expect(store.tailIndex.current.eventCount == 0, "9 events passed the limit of 8")
            #expect(await store.writerStatistics().indexCatchUpsInAppends == 1)
            let indexed = try store.read { transaction in
                (try IndexedThrough.read(in: transaction, layout: store.layout),
                 try ["client-1", "client-2", "member-1"].map {
                     try StreamIndex.positions(ofKey: Array($0.utf8), from: nil, direction: .forwards, limit: .max, in: transaction, layout: store.layout)
                 },
                 try ids.map { id in try transaction.get(store.layout.eventIds, key: StoreLayout.eventIdKey(id)).map { BigEndian.uint64($0) } })
            }
            #expect(indexed.0 == 9)
            #expect(indexed.1 == [[1, 2, 3, 7, 8], [6], [4, 5, 9]])
            #expect(indexed.2 == [6, 7, 8, 9])
            #expect(try store.readCategory("client", limit: 10).map(\.position) == [1, 2, 3, 6, 7, 8])
            #expect(try store.readStream("client-1").map(\.streamVersion) == Array(0...4))
            #expect(try store.verify().isIntact)
        }
    }

    @Test("another process reads the tail, and either process may catch the indexes up")
    func otherProcess() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.child("store")
        let store = try EventStore.open(directory: path, configuration: Self.manualCatchUp)
        try await indexedThenTail(store)
        // The child opens the same store, prints what it reads, and catches up when it closes.
        let output = try Self.runChild(["read", path, "client-1", "member"])
        #expect(output == ["stream client-1 0,1,2,3,4,5,6,7", "category member 6,7,12"])
        let stored = try store.read { try IndexedThrough.read(in: $0, layout: store.layout) }
        #expect(stored == 12, "the child's close wrote the tail into the indexes")
        #expect(try store.readStream("client-1").map(\.streamVersion) == Array(0...7))
        _ = try await store.append([.sample()], to: "client-1", expected: .exactly(7))
        await store.writer.catchUpIndexes()  // writes only what the child did not
        #expect(try store.readCategory("client", limit: 20).map(\.position) == [1, 2, 3, 4, 5, 8, 9, 10, 11, 13])
        #expect(try store.verify().isIntact)
        await store.close()
    }

    @Test("a format 1 store opens as format 4, indexed through its last record")
    func upgradesFormat1() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.child("store")
        let store = try EventStore.open(directory: path)
        _ = try await store.append(.samples(4), to: "client-1")
        await store.close()
        // What format 1 left on disk: the log in `log`, every record indexed, no indexed-through.
        try LegacyFormat.rewrite(path, as: 1, keepsIndexedThrough: false)

        let reopened = try EventStore.open(directory: path)
        #expect(try reopened.readStream("client-1").map(\.streamVersion) == [0, 1, 2, 3])
        let stamped = try reopened.read { transaction in
            (try transaction.get(reopened.layout.meta, key: StoreLayout.formatKey).map { Array($0) },
             try IndexedThrough.read(in: transaction, layout: reopened.layout))
        }
        #expect(stamped.0 == [4, 0, 0, 0])
        #expect(stamped.1 == 4)
        #expect(reopened.tailIndex.current.eventCount == 0)
        #expect(try reopened.verify().isIntact)
        await reopened.close()
    }

    /// Runs the CrashAppender tool with `arguments` and returns its output lines.
    static func runChild(_ arguments: [String]) throws -> [String] {
        let result = try ChildProcess.run(executable: try BuiltProducts.path(of: "CrashAppender"), arguments: arguments)
        #expect(result.status == 0, "\(String(decoding: result.standardError, as: UTF8.self))")
        return String(decoding: result.standardOutput, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
