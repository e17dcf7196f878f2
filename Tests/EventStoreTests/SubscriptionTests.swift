import EventStore
import HarbourTestSupport
import Testing

@Suite("Subscriptions")
struct SubscriptionTests {
    @Test("started mid-log, a subscription sees the backlog then live events, in order, once")
    func backlogThenLive() async throws {
        try await withTemporaryStore { store in
            for batch in 0..<10 { _ = try await store.append(.samples(3, prefix: "backlog\(batch)"), to: "client-\(batch % 3)") }
            let start: UInt64 = 12
            let expectedCount = 30 - Int(start) + 1 + 40
            let reader = Task {
                var seen: [UInt64] = []
                for try await event in store.subscribe(from: start) {
                    seen.append(event.position)
                    if seen.count == expectedCount { break }
                }
                return seen
            }
            for batch in 0..<20 {
                _ = try await store.append(.samples(2, prefix: "live\(batch)"), to: "member-\(batch % 4)")
                if batch % 5 == 0 { await Task.yield() }
            }
            let seen = try await reader.value
            #expect(seen == Array(start...70))
        }
    }

    @Test("a category subscription delivers only that category, in log order")
    func category() async throws {
        try await withTemporaryStore { store in
            let reader = Task {
                var seen: [String] = []
                for try await event in store.subscribe(category: "member") {
                    seen.append(event.text)
                    if seen.count == 6 { break }
                }
                return seen
            }
            for index in 0..<6 {
                _ = try await store.append([.sample("client\(index)")], to: "client-\(index)")
                _ = try await store.append([.sample("member\(index)")], to: "member-\(index)")
            }
            #expect(try await reader.value == (0..<6).map { "member\($0)" })
        }
    }

    @Test("cancelling a waiting subscription ends it")
    func cancellation() async throws {
        try await withTemporaryStore { store in
            _ = try await store.append(.samples(1), to: "client-1")
            let reader = Task {
                var count = 0
                for try await _ in store.subscribe() { count += 1 }
                return count
            }
            try await Task.sleep(for: .milliseconds(50))
            reader.cancel()
            #expect(try await reader.value == 1)
        }
    }
}
