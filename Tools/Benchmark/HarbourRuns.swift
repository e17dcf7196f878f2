import EventStore
import Foundation
import LMDB

/// Figures for Harbour's EventStore on the same workloads.
struct HarbourFigures {
    var appendEventsPerSecond: [Int: Double] = [:]
    var concurrentEventsPerSecond: [Int: Double] = [:]
    var scanEventsPerSecond: Double = 0
    var scanIsCold = false
}

struct HarbourRuns {
    let workspace: Workspace
    let options: BenchmarkOptions
    private let configuration = StoreConfiguration(environment: EnvironmentConfiguration(mapSizeBytes: 2 << 30))

    init(workspace: Workspace, options: BenchmarkOptions) {
        self.workspace = workspace
        self.options = options
    }

    /// Measures every workload `repeats` times, each Harbour run right after its raw LMDB
    /// twin so both see the same machine; keeps the best of each.
    func measure(against raw: RawLMDB, repeats: Int) async throws -> (RawFigures, HarbourFigures) {
        var rawFigures = RawFigures()
        var figures = HarbourFigures()
        let small = try Workload.load(workspace.smallEvents)
        let big = try Workload.load(workspace.bigEvents)
        func keepBest(_ value: Double, in table: inout [Int: Double], _ key: Int, _ label: String) {
            table[key] = max(table[key] ?? 0, value)
            say("\(label): \(Int(value)) events/s")
        }
        for round in 1...repeats {
            say("round \(round) of \(repeats)")
            for batch in [1, 100, 10_000] {
                keepBest(try raw.append(batch: batch), in: &rawFigures.appendEventsPerSecond, batch, "raw LMDB, batch \(batch)")
                let harbour = batch == 1 ? try await appendOneByOne(small) : try await appendInBatches(big, batchEvents: batch)
                keepBest(harbour, in: &figures.appendEventsPerSecond, batch, "Harbour, batch \(batch)")
            }
            let rawScan = try raw.scan()
            rawFigures.scanEventsPerSecond = max(rawFigures.scanEventsPerSecond, rawScan.eventsPerSecond)
            rawFigures.scanIsCold = rawScan.cold
            let scan = try await fullRead(expected: big.count)
            figures.scanEventsPerSecond = max(figures.scanEventsPerSecond, scan.0)
            figures.scanIsCold = scan.1
            say("full scan: raw \(Int(rawScan.eventsPerSecond)), Harbour \(Int(scan.0)) events/s")
            for appenders in [1, 16, 256] {
                let total = appenders == 1 ? min(options.singleEvents, options.concurrentEvents) : options.concurrentEvents
                let value = try await concurrentAppenders(appenders, events: Array(big.prefix(total)))
                keepBest(value, in: &figures.concurrentEventsPerSecond, appenders, "Harbour, \(appenders) concurrent appenders")
            }
        }
        return (rawFigures, figures)
    }

    /// Only the concurrent appenders, for studying group commit.
    func concurrentOnly(_ appenders: Int) async throws -> Double {
        let events = try Workload.load(workspace.bigEvents)
        return try await concurrentAppenders(appenders, events: Array(events.prefix(options.concurrentEvents)))
    }

    /// Repeats only the bulk append, so a profiler sees little else.
    func bulkOnly(repeats: Int = 8) async throws -> Double {
        let events = try Workload.load(workspace.bigEvents)
        var best = 0.0
        for _ in 0..<repeats { best = max(best, try await appendInBatches(events, batchEvents: 10_000)) }
        return best
    }

    private func freshStore(_ name: String) throws -> EventStore {
        let path = workspace.path(name)
        try? FileManager.default.removeItem(atPath: path)
        return try EventStore.open(directory: path, configuration: configuration)
    }

    private func appendOneByOne(_ events: [Workload.Event]) async throws -> Double {
        let store = try freshStore("harbour-batch-1")
        let proposals = events.map { ($0.stream, [$0.proposal()]) }
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            for (stream, batch) in proposals { _ = try await store.append(batch, to: stream) }
        }
        await store.close()
        return Double(events.count) / elapsed.seconds
    }

    private func appendInBatches(_ events: [Workload.Event], batchEvents: Int) async throws -> Double {
        let store = try freshStore("harbour-bulk")
        let groups = stride(from: 0, to: events.count, by: batchEvents).map { start in
            Workload.streamAppends(events[start..<min(start + batchEvents, events.count)])
        }
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            for group in groups {
                for outcome in try await store.append(group) { _ = try outcome.get() }
            }
        }
        await store.close()
        return Double(events.count) / elapsed.seconds
    }

    /// Reopens the last bulk store and decodes every envelope, from a cold cache when allowed.
    private func fullRead(expected: Int) async throws -> (Double, Bool) {
        let cold = Shell.dropPageCache()
        let store = try EventStore.open(directory: workspace.path("harbour-bulk"), configuration: configuration, create: false)
        var count = 0
        var payloadBytes = 0
        let elapsed = try ContinuousClock().measure {
            try store.scan(pageEvents: 8_192) { event in
                count += 1
                payloadBytes &+= event.payload.count
                return true
            }
        }
        await store.close()
        guard count == expected else { throw BenchmarkError("full read saw \(count) events, expected \(expected)") }
        return (Double(count) / elapsed.seconds, cold)
    }

    private func concurrentAppenders(_ appenders: Int, events: [Workload.Event]) async throws -> Double {
        let store = try freshStore("harbour-concurrent-\(appenders)")
        let shares = (0..<appenders).map { appender in
            stride(from: appender, to: events.count, by: appenders).map { events[$0].proposal() }
        }
        let elapsed = try await ContinuousClock().measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (appender, share) in shares.enumerated() {
                    group.addTask {
                        for event in share { _ = try await store.append([event], to: "bench-\(appender)") }
                    }
                }
                try await group.waitForAll()
            }
        }
        let writer = await store.writerStatistics()
        say(String(format: "  %d appenders: %d commits, %.1f requests and %.2f ms a commit", appenders, writer.commits, writer.requestsPerCommit, writer.commitMillisecondsMean))
        await store.close()
        return Double(events.count) / elapsed.seconds
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
