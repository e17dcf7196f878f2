import EventStore
import HarbourTestSupport
import LMDB
import Testing

@Suite("Map growth")
struct GrowthTests {
    @Test("a store opened with a 1 MiB map grows past it under concurrent readers without losing or duplicating")
    func growsWithReaders() async throws {
        try await withTemporaryStore(configuration: .small(mapSizeBytes: 1 << 20)) { store in
            let startMap = try store.statistics().mapSizeBytes
            let readers = (0..<2).map { _ in
                Task.detached {
                    var reads = 0
                    while !Task.isCancelled {
                        let positions = try store.readAll(from: 1, limit: 200).map(\.position)
                        // Every snapshot a reader sees is a gapless prefix of the log.
                        guard positions == Array(UInt64(1)..<UInt64(positions.count + 1)) else {
                            throw EventStoreError.corruptRecord(position: 0, reason: "reader saw a gap")
                        }
                        reads += 1
                        await Task.yield()  // a synchronous loop would starve the appending task
                    }
                    return reads
                }
            }
            let payload = String(repeating: "g", count: 2_000)
            var acknowledged: [UInt64] = []
            for batch in 0..<300 {
                let events = (0..<10).map { ProposedEvent.sample("\(batch)-\($0)-\(payload)") }
                acknowledged += try await store.append(events, to: "client-\(batch % 9)").positions
            }
            for reader in readers { reader.cancel() }
            for reader in readers { #expect(try await reader.value > 0) }
            #expect(acknowledged == Array(1...3_000))
            let statistics = try store.statistics()
            #expect(statistics.mapSizeBytes > startMap)
            #expect(statistics.events == 3_000)
            #expect(try store.verify().isIntact)
        }
    }

    @Test("at the configured maximum the append fails clearly and the log is intact")
    func storeFull() async throws {
        var configuration = StoreConfiguration.small(mapSizeBytes: 1 << 20)
        configuration.environment.mapSizeBytesMax = 2 << 20
        try await withTemporaryStore(configuration: configuration) { store in
            let payload = String(repeating: "f", count: 50_000)
            var acknowledged = 0
            var failure: (any Error)?
            for batch in 0..<200 {
                do {
                    _ = try await store.append([.sample("\(batch)\(payload)")], to: "client-1")
                    acknowledged += 1
                } catch {
                    failure = error
                    break
                }
            }
            #expect(failure as? EventStoreError == .storeFull(mapSizeBytesMax: 2 << 20))
            #expect(acknowledged > 0)
            #expect(store.headPosition == UInt64(acknowledged))
            let report = try store.verify()
            #expect(report.isIntact)
        }
    }
}
