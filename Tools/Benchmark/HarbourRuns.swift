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
    /// twin so both see the same disk; keeps, for each workload, the round with the best
    /// Harbour figure together with its twin (the disk's speed drifts from minute to minute,
    /// so a ratio is only taken between runs a few seconds apart).
    func measure(against raw: RawLMDB, repeats: Int) async throws -> (RawFigures, HarbourFigures) {
        var rawFigures = RawFigures()
        var figures = HarbourFigures()
        let small = try Workload.load(workspace.smallEvents)
        let big = try Workload.load(workspace.bigEvents)
        func keepBest(
            _ value: Double, twin: Double, in table: inout [Int: Double], twins: inout [Int: Double], _ key: Int, _ label: String
        ) {
            say("\(label): \(Int(value)) events/s (raw twin \(Int(twin)))")
            guard value > table[key] ?? 0 else { return }
            table[key] = value
            twins[key] = twin
        }
        for round in 1...repeats {
            say("round \(round) of \(repeats)")
            for batch in [1, 100, 10_000] {
                let twin = try raw.append(batch: batch)
                let harbour = batch == 1 ? try await appendOneByOne(small).0 : try await appendInBatches(big, batchEvents: batch)
                keepBest(harbour, twin: twin, in: &figures.appendEventsPerSecond, twins: &rawFigures.appendEventsPerSecond,
                         batch, "Harbour, batch \(batch)")
            }
            let rawScan = try raw.scan()
            rawFigures.scanEventsPerSecond = max(rawFigures.scanEventsPerSecond, rawScan.eventsPerSecond)
            rawFigures.scanIsCold = rawScan.cold
            let scan = try await fullRead(expected: big.count)
            figures.scanEventsPerSecond = max(figures.scanEventsPerSecond, scan.0)
            figures.scanIsCold = scan.1
            say("full scan: raw \(Int(rawScan.eventsPerSecond)), Harbour \(Int(scan.0)) events/s")
            for appenders in [1, 16, 256] {
                let twin = try raw.append(batch: appenders == 1 ? 1 : 100)
                let total = appenders == 1 ? min(options.singleEvents, options.concurrentEvents) : options.concurrentEvents
                let value = try await concurrentAppenders(appenders, events: Array(big.prefix(total)))
                keepBest(value, twin: twin, in: &figures.concurrentEventsPerSecond, twins: &rawFigures.concurrentTwinEventsPerSecond,
                         appenders, "Harbour, \(appenders) concurrent appenders")
            }
        }
        return (rawFigures, figures)
    }

    /// Only the concurrent appenders, for studying group commit.
    func concurrentOnly(_ appenders: Int) async throws -> Double {
        let events = try Workload.load(workspace.bigEvents)
        return try await concurrentAppenders(appenders, events: Array(events.prefix(options.concurrentEvents)))
    }

    /// Only batch 1, each run right after its raw twin, with the writer's commit time: the
    /// disk's speed drifts, so the ratio is read from many neighbouring pairs.
    func singleOnly(against raw: RawLMDB, pairs: Int) async throws {
        let events = try Workload.load(workspace.smallEvents)
        for _ in 0..<pairs {
            let twin = try raw.append(batch: 1)
            let (harbour, writer) = try await appendOneByOne(events)
            say(String(
                format: "  batch 1: %.0f events/s, raw twin %.0f, ratio %.2f; %.3f ms a commit, %d index catch-ups of %.2f ms",
                harbour, twin, harbour / twin, writer.commitMillisecondsMean, writer.indexCatchUps, writer.indexCatchUpMillisecondsMean))
        }
    }

    /// Repeats only the bulk append, then the full read of its last store, so a profiler sees
    /// little else. Prints each round's events/s and the process's CPU microseconds per event.
    func bulkOnly(repeats: Int = 8) async throws -> Double {
        let events = try Workload.load(workspace.bigEvents)
        var best = 0.0
        for _ in 0..<repeats {
            let run = try await timedAppendInBatches(events, batchEvents: 10_000)
            let count = Double(events.count)
            say(String(
                format: "  batch 10,000: %.0f events/s, %.2f µs CPU an event; the writer's transactions %.2f µs an event (%.2f staging)",
                run.eventsPerSecond, run.cpuSeconds * 1e6 / count, Double(run.writer.commitMicroseconds) / count,
                Double(run.writer.stagingMicroseconds) / count))
            best = max(best, run.eventsPerSecond)
        }
        for _ in 0..<3 {  // each cold read drops the whole machine's page cache: not too often
            let cpuBefore = processCPUSeconds()
            let (eventsPerSecond, cold) = try await fullRead(expected: events.count)
            let cpuMicroseconds = (processCPUSeconds() - cpuBefore) * 1e6 / Double(events.count)
            say(String(format: "  full read%@: %.0f events/s, %.2f µs CPU an event", cold ? " (cold)" : "", eventsPerSecond, cpuMicroseconds))
        }
        return best
    }

    private func freshStore(_ name: String) throws -> EventStore {
        let path = workspace.path(name)
        try? FileManager.default.removeItem(atPath: path)
        return try EventStore.open(directory: path, configuration: configuration)
    }

    private func appendOneByOne(_ events: [Workload.Event]) async throws -> (Double, WriterStatistics) {
        let store = try freshStore("harbour-batch-1")
        let proposals = events.map { ($0.stream, [$0.proposal()]) }
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            for (stream, batch) in proposals { _ = try await store.append(batch, to: stream) }
        }
        let writer = await store.writerStatistics()
        await store.close()
        return (Double(events.count) / elapsed.seconds, writer)
    }

    private func appendInBatches(_ events: [Workload.Event], batchEvents: Int) async throws -> Double {
        try await timedAppendInBatches(events, batchEvents: batchEvents).eventsPerSecond
    }

    /// One timed bulk load: its rate, the process's CPU time during it, and the writer's counters.
    private struct BulkRun {
        let eventsPerSecond: Double
        let cpuSeconds: Double
        let writer: WriterStatistics
    }

    private func timedAppendInBatches(_ events: [Workload.Event], batchEvents: Int) async throws -> BulkRun {
        let store = try freshStore("harbour-bulk")
        let groups = stride(from: 0, to: events.count, by: batchEvents).map { start in
            Workload.streamAppends(events[start..<min(start + batchEvents, events.count)])
        }
        let clock = ContinuousClock()
        let cpuBefore = processCPUSeconds()
        let elapsed = try await clock.measure {
            for group in groups {
                for outcome in try await store.append(group) { _ = try outcome.get() }
            }
        }
        let cpuSeconds = processCPUSeconds() - cpuBefore
        let writer = await store.writerStatistics()
        await store.close()
        return BulkRun(eventsPerSecond: Double(events.count) / elapsed.seconds, cpuSeconds: cpuSeconds, writer: writer)
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
        // Each appender makes its event (and so its UUIDv7 id) when it appends, as a command
        // does. Minting all ids up front, appender by appender, made the ids of one commit
        // spread over the whole id range, so every commit dirtied a page of `event-ids` per
        // appender (measured with strace: 0.83 MB written per transaction instead of 0.18 MB).
        let shares = (0..<appenders).map { appender in
            stride(from: appender, to: events.count, by: appenders).map { events[$0] }
        }
        let elapsed = try await ContinuousClock().measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (appender, share) in shares.enumerated() {
                    group.addTask {
                        for event in share { _ = try await store.append([event.proposal()], to: "bench-\(appender)") }
                    }
                }
                try await group.waitForAll()
            }
        }
        let writer = await store.writerStatistics()
        say(String(
            format: "  %d appenders: %d commits, %.1f requests and %.2f ms a commit (%.2f ms of it staging); %d index catch-ups of %.2f ms, %d in appends",
            appenders, writer.commits, writer.requestsPerCommit, writer.commitMillisecondsMean, writer.stagingMillisecondsMean,
            writer.indexCatchUps, writer.indexCatchUpMillisecondsMean, writer.indexCatchUpsInAppends))
        await store.close()
        return Double(events.count) / elapsed.seconds
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
