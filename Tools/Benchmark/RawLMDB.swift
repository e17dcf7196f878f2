import Foundation

/// Figures from ../shared/bench/lmdb_limit.c: the raw C LMDB limit on this machine.
struct RawFigures {
    /// By batch size: the twin of the best Harbour round.
    var appendEventsPerSecond: [Int: Double] = [:]
    /// By number of appenders: the raw run (batch 1 for one appender, else 100) just before
    /// the best Harbour round.
    var concurrentTwinEventsPerSecond: [Int: Double] = [:]
    var scanEventsPerSecond: Double = 0
    var scanIsCold = false
}

struct RawLMDB {
    let workspace: Workspace
    let binary: String

    init(workspace: Workspace) throws {
        self.workspace = workspace
        binary = workspace.path("lmdb_limit")
        try Shell.run("cc -O2 -o '\(binary)' '\(workspace.benchSource)/lmdb_limit.c' -llmdb")
    }

    /// Durable append of the workload at `batch` events per transaction, in events/s.
    func append(batch: Int) throws -> Double {
        let events = batch == 1 ? workspace.smallEvents : workspace.bigEvents
        let output = try Shell.run("'\(binary)' write '\(events)' \(batch) '\(workspace.path("raw-lmdb"))'")
        guard let eventsPerSecond = Self.value("eps", in: output, op: "append") else {
            throw BenchmarkError("lmdb_limit printed no append result")
        }
        return eventsPerSecond
    }

    /// Full cursor scan of the last batch-10,000 store, from a cold cache when allowed.
    func scan() throws -> (eventsPerSecond: Double, cold: Bool) {
        let cold = Shell.dropPageCache()
        let output = try Shell.run("'\(binary)' read '\(workspace.path("raw-lmdb"))'")
        guard let eventsPerSecond = Self.value("eps", in: output, op: "scan_cold") else {
            throw BenchmarkError("lmdb_limit printed no scan result")
        }
        return (eventsPerSecond, cold)
    }

    /// The disk's cost of one fdatasync after a 4 KiB overwrite, in µs, over `seconds`: what a
    /// durable commit waits for twice. Printed before and after the run, because at batch 1
    /// and with concurrent appenders both sides wait on the disk, and when other work loads it
    /// (0.12 ms quiet, several ms while builds write) those ratios say little about Harbour.
    func fdatasyncMicroseconds(seconds: Double = 2) throws -> Double {
        let output = try Shell.run("'\(binary)' fsync '\(workspace.path("fsync-probe"))' \(seconds)")
        guard let microseconds = Self.value("us_per_commit", in: output, op: "fdatasync_overwrite") else {
            throw BenchmarkError("lmdb_limit printed no fsync result")
        }
        return microseconds
    }

    /// Reads `key=value` from the RESULT line with `op=<op>`.
    static func value(_ key: String, in output: String, op: String) -> Double? {
        for line in output.split(separator: "\n") where line.hasPrefix("RESULT") && line.contains(" op=\(op) ") {
            for field in line.split(separator: " ") where field.hasPrefix(key + "=") {
                return Double(field.dropFirst(key.count + 1))
            }
        }
        return nil
    }
}
