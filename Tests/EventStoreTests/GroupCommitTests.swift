import EventStore
import HarbourTestSupport
import Testing

@Suite("Group commit")
struct GroupCommitTests {
    @Test("64 concurrent appenders: gapless log, contiguous streams, every acknowledgement readable")
    func concurrentAppenders() async throws {
        try await withTemporaryStore { store in
            let appenders = 64
            let appendsEach = 8
            let acknowledged = try await withThrowingTaskGroup(of: [(String, AppendResult)].self) { group in
                for appender in 0..<appenders {
                    group.addTask {
                        var results: [(String, AppendResult)] = []
                        for round in 0..<appendsEach {
                            let stream = "client-\((appender + round) % 5)"
                            let events = [ProposedEvent].samples(1 + (appender + round) % 3, prefix: "a\(appender)r\(round)")
                            results.append((stream, try await store.append(events, to: stream)))
                        }
                        return results
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let log = try store.readAll(limit: .max)
            #expect(log.map(\.position) == Array(1...UInt64(log.count)), "positions are gapless from 1")
            #expect(UInt64(log.count) == store.headPosition)
            for stream in Set(log.map(\.streamId)) {
                let versions = log.filter { $0.streamId == stream }.map(\.streamVersion)
                #expect(versions == Array(0..<UInt64(versions.count)), "\(stream) versions are contiguous")
            }
            for (stream, result) in acknowledged {
                for position in result.positions {
                    #expect(log[Int(position) - 1].streamId == stream)
                }
            }
            #expect(acknowledged.flatMap(\.1.positions).count == log.count, "nothing acknowledged twice or lost")
            #expect(try store.verify().isIntact)
        }
    }

    @Test("16 appenders, one event at a time: requests queued during a commit share the next one")
    func appendersQueuedDuringACommitShareTheNext() async throws {
        // A delay long enough for every appender to come back: a debug build under the parallel
        // test run takes longer than the default delay to turn 16 appenders around, and this
        // test is about the queue, not the timing.
        let limits = StoreLimits(groupCommitDelayMicroseconds: 1_000_000)
        try await withTemporaryStore(configuration: StoreConfiguration(limits: limits)) { store in
            let appenders = 16
            let appendsEach = 40
            try await withThrowingTaskGroup(of: Void.self) { group in
                for appender in 0..<appenders {
                    group.addTask {
                        for round in 0..<appendsEach {
                            _ = try await store.append([ProposedEvent].samples(1, prefix: "a\(appender)r\(round)"), to: "client-\(appender)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            let writer = await store.writerStatistics()
            #expect(writer.requests == appenders * appendsEach && writer.events == appenders * appendsEach)
            // Every appender waits on the commit in flight, so most commits should carry most of
            // them. (The release benchmark is what showed 2 per commit before the writer stopped
            // flushing inside an append; a debug build interleaves differently.)
            #expect(writer.requestsPerCommit >= 6, "\(writer.commits) commits for \(writer.requests) requests")
            #expect(writer.commitMillisecondsMean > 0)
        }
    }

    @Test("an appender back after the group-commit delay has passed commits at once instead of waiting again")
    func lateAppenderDoesNotWaitAgain() async throws {
        // A delay long enough that waiting it out is told apart from one durable append under
        // a loaded parallel debug run (2.7 s seen with two suites and a release build on 2 cores).
        let limits = StoreLimits(groupCommitDelayMicroseconds: 8_000_000)
        try await withTemporaryStore(configuration: StoreConfiguration(limits: limits)) { store in
            // A commit of two requests tells the writer that appenders are concurrent, so the
            // next commit waits for the others to come back, up to the delay after this one.
            _ = try await store.append([
                StreamAppend(stream: "client-1", events: .samples(1, prefix: "a")),
                StreamAppend(stream: "client-2", events: .samples(1, prefix: "b")),
            ])
            try await Task.sleep(for: .milliseconds(8_100))
            let clock = ContinuousClock()
            let elapsed = try await clock.measure { _ = try await store.append(.samples(1, prefix: "c"), to: "client-1") }
            // Waiting from its own arrival (as the writer once did) would take 8 s.
            #expect(elapsed < .milliseconds(6_000), "the append waited \(elapsed)")
            #expect(store.headPosition == 3)
        }
    }

    @Test("within one group commit each request succeeds or fails on its own")
    func independentOutcomes() async throws {
        try await withTemporaryStore { store in
            _ = try await store.append(.samples(1), to: "client-1")
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<32 {
                    group.addTask {
                        // Odd requests expect a version the stream never has: they alone fail.
                        let expected: ExpectedVersion = index % 2 == 0 ? .any : .exactly(999)
                        return (try? await store.append(.samples(1), to: "client-1", expected: expected)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 16)
            #expect(store.headPosition == 17)
            #expect(try store.streamVersion("client-1") == 16)
        }
    }
}

@Suite("Multi-stream append")
struct MultiStreamAppendTests {
    @Test("appends to several streams share one transaction and keep their own outcomes")
    func mixedOutcomes() async throws {
        try await withTemporaryStore { store in
            _ = try await store.append(.samples(1), to: "client-1")
            let outcomes = try await store.append([
                StreamAppend(stream: "client-2", events: .samples(2), expected: .noStream),
                StreamAppend(stream: "client-1", events: .samples(1), expected: .noStream),
                StreamAppend(stream: "", events: .samples(1)),
                StreamAppend(stream: "client-2", events: .samples(1), expected: .exactly(1)),
            ])
            #expect(try outcomes[0].get().positions == [2, 3])
            #expect(throws: EventStoreError.wrongExpectedVersion(stream: "client-1", expected: .noStream, actual: 0)) { try outcomes[1].get() }
            #expect(throws: EventStoreError.invalidInput(field: "stream", problem: "is empty")) { try outcomes[2].get() }
            #expect(try outcomes[3].get().positions == [4], "a later append sees an earlier one of the same group")
            #expect(store.headPosition == 4)
        }
    }

    @Test("a group over groupCommitEventsMax is refused whole")
    func groupLimit() async throws {
        try await withTemporaryStore(configuration: StoreConfiguration(limits: StoreLimits(groupCommitEventsMax: 3))) { store in
            let error = await #expect(throws: EventStoreError.self) {
                try await store.append([StreamAppend(stream: "a-1", events: .samples(2)), StreamAppend(stream: "a-2", events: .samples(2))])
            }
            #expect(error?.description.contains("groupCommitEventsMax") == true)
            #expect(store.headPosition == 0)
        }
    }
}
