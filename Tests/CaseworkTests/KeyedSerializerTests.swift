@testable import Casework
import Synchronization
import Testing

@Suite struct KeyedSerializerTests {
    /// Counts operations running at once per key, and the most ever seen.
    final class Overlap: Sendable {
        private let state = Mutex<(running: Int, most: Int)>((0, 0))
        func enter() { state.withLock { $0.running += 1; $0.most = max($0.most, $0.running) } }
        func leave() { state.withLock { $0.running -= 1 } }
        var most: Int { state.withLock { $0.most } }
    }

    @Test func operationsOnOneKeyNeverOverlapAndFinishedKeysAreForgotten() async throws {
        let serializer = KeyedSerializer()
        let overlap = Overlap()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<30 {
                group.addTask {
                    try await serializer.run(index % 3 == 0 ? "client-b-\(index)" : "client-a") {
                        if index % 3 != 0 { overlap.enter() }
                        try await Task.sleep(for: .milliseconds(1))
                        if index % 3 != 0 { overlap.leave() }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(overlap.most == 1)
        #expect(await serializer.keysInFlight == 0)
    }

    @Test func aFailedOperationDoesNotStopTheNextOnItsKey() async throws {
        struct Refused: Error {}
        let serializer = KeyedSerializer()
        await #expect(throws: Refused.self) { try await serializer.run("k") { () async throws -> Int in throw Refused() } }
        #expect(try await serializer.run("k") { 7 } == 7)
        #expect(await serializer.keysInFlight == 0)
    }
}
