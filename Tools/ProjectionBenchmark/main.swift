import AgencyHistory
import EventStore
import Events
import Foundation
import Projections

// harbour-projection-bench [events] [store directory]
// Builds (or reuses) the shared realistic agency history (AgencyHistory, seed 42), then measures: the raw log scan, decoding every payload
// with the JSON decoder, a rebuild of every projection, a month's funder report and a
// caseload page. Run in release mode: swift run -c release harbour-projection-bench 1000000

let arguments = CommandLine.arguments
let eventsWanted = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let directory = arguments.count > 2 ? arguments[2] : NSTemporaryDirectory() + "harbour-projection-bench-\(eventsWanted)"

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func secondsAsync(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

/// Peak and current heap (anonymous) resident memory, from /proc: mapped LMDB files count in the
/// plain resident set but are the page cache, not the process's own memory.
func memoryLine() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let wanted = ["VmHWM", "VmRSS", "RssAnon", "RssFile"]
    return status.split(separator: "\n").filter { line in wanted.contains { line.hasPrefix($0 + ":") } }
        .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }.joined(separator: ", ")
}

/// CPU seconds (user and system, every thread) the process has used so far: on a machine
/// loaded by others, events per CPU second moves less than events per wall second.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func rate(_ events: UInt64, _ seconds: Double) -> String { String(format: "%.0f events/s (%.2f s)", Double(events) / seconds, seconds) }

let store = try EventStore.open(directory: directory)
if store.headPosition < UInt64(eventsWanted) {
    precondition(store.headPosition == 0, "\(directory) holds a different log; remove it or pass another directory")
    let generation = try await secondsAsync {
        for batch in AgencyHistory(seed: 42, count: eventsWanted).batches(eventsPerBatch: 5_000) {
            for result in try await store.append(batch) { _ = try result.get() }
        }
    }
    print("generated \(store.headPosition) events in \(String(format: "%.1f", generation)) s")
}
let head = store.headPosition
print("log: \(head) events in \(directory)")

// HARBOUR_BENCH_QUERIES_ONLY=1 reuses the read models of an earlier run (for profiling queries).
let queriesOnly = ProcessInfo.processInfo.environment["HARBOUR_BENCH_QUERIES_ONLY"] == "1"
var scanned: UInt64 = 0
let scanSeconds = queriesOnly ? 1 : try seconds { try store.scan { _ in scanned += 1; return true } }
print("raw store.scan:                \(rate(scanned, scanSeconds))")

// HARBOUR_BENCH_REBUILD_ONLY=1 measures the raw scan and the rebuild alone (for profiling).
let rebuildOnly = ProcessInfo.processInfo.environment["HARBOUR_BENCH_REBUILD_ONLY"] == "1"
if !queriesOnly && !rebuildOnly {
    var typeCounts: [String: Int] = [:]
    let registry = EventRegistry.standard
    let decodeSeconds = try seconds {
        try store.scan { record in
            _ = try registry.decode(eventType: record.eventType, schemaVersion: record.schemaVersion, payload: record.payload)
            typeCounts[record.eventType, default: 0] += 1
            return true
        }
    }
    print("scan + JSON decode of all:     \(rate(head, decodeSeconds))")
    let payloadTypes = CaseloadProjection.payloadTypes.union(RecordsProjection.payloadTypes).union(FunderProjection.payloadTypes)
        .union(MembershipProjection.payloadTypes).union(ElectionsProjection.payloadTypes).union(PartnershipProjection.payloadTypes)
    var leanCount = 0
    let projectionDecodeSeconds = try seconds {
        try store.scan { record in
            guard payloadTypes.contains(record.eventType) else { return true }
            if ReadModels.leanDecoded(record) != nil {
                leanCount += 1
            } else {
                _ = try registry.decode(eventType: record.eventType, schemaVersion: record.schemaVersion, payload: record.payload)
            }
            return true
        }
    }
    print("scan + decode of the payloads projections read (lean where it can): \(rate(head, projectionDecodeSeconds)), lean \(leanCount)")
    print("mix: " + typeCounts.sorted { $0.value > $1.value }.map { "\($0.key) \(String(format: "%.1f", 100 * Double($0.value) / Double(head)))%" }.joined(separator: ", "))
}

let projections = directory + "/projections-bench"
if !queriesOnly { try? FileManager.default.removeItem(atPath: projections) }
let host = try ProjectionHost.open(store: store, options: .init(directory: projections, batchEvents: 50_000))
if !queriesOnly {
    let cpuBefore = cpuSeconds()
    let rebuildSeconds = try await secondsAsync { try await host.catchUp() }
    let rebuildCPUSeconds = cpuSeconds() - cpuBefore
    print("rebuild of all projections:    \(rate(head, rebuildSeconds)); ratio to the raw scan \(String(format: "%.3f", scanSeconds / rebuildSeconds))")
    print(String(format: "rebuild CPU time: %.2f s (%.0f events per CPU second, %.2f cores busy)", rebuildCPUSeconds, Double(head) / rebuildCPUSeconds, rebuildCPUSeconds / rebuildSeconds))
    print("memory after the rebuild: \(memoryLine())")
    if rebuildOnly {
        await host.close()
        await store.close()
        exit(0)
    }
    let asOfSeconds = try seconds { _ = try ReadModels.asOf(position: head, store: store) }
    print("as-of build into a temporary environment (no fsync): \(rate(head, asOfSeconds))")
}

let models = await host.models
var reportMilliseconds: [Double] = []
var cells = 0
// The history covers April 2024 to March 2026 under one IRCC contract per fiscal year.
for index in 0..<120 {
    let monthIndex = index % 24
    let contract = monthIndex < 12 ? "ircc-sap-2024" : "ircc-sap-2025"
    let month = try ReportPeriod.month(year: 2024 + (monthIndex + 3) / 12, month: (monthIndex + 3) % 12 + 1)
    var services = 0
    let elapsed = try seconds { services = try models.funderReport(contract: contract, period: month).value("services") }
    cells = max(cells, services)
    reportMilliseconds.append(elapsed * 1_000)
}
print(String(format: "funder report (one month, up to %d services): p50 %.2f ms, p99 %.2f ms", cells, percentile(reportMilliseconds, 0.5), percentile(reportMilliseconds, 0.99)))

var caseloadMilliseconds: [Double] = []
let today = CalendarDate(year: 2026, month: 3, day: 31)!
let sizes = try models.caseloadSizes()
let workers = sizes.keys.sorted()
let largest = sizes.values.max() ?? 0
for index in 0..<2_000 {
    let worker = workers[index % workers.count]
    let elapsed = try seconds { _ = try models.caseload(worker: worker, today: today, page: 0, pageSize: 50) }
    caseloadMilliseconds.append(elapsed * 1_000)
}
print(String(format: "caseload page (50 of up to %d open cases, %d workers): p50", largest, workers.count) + String(format: " %.3f ms, p99 %.3f ms", percentile(caseloadMilliseconds, 0.5), percentile(caseloadMilliseconds, 0.99)))
await host.close()
await store.close()
