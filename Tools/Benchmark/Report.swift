import Foundation

/// The one table the benchmark prints: Harbour against raw LMDB measured in the same run.
struct Report {
    let raw: RawFigures
    let harbour: HarbourFigures

    private struct Row {
        let workload: String
        let harbour: Double
        let baseline: Double
        let baselineName: String
        let target: String
    }

    private var rows: [Row] {
        let rawAppend = raw.appendEventsPerSecond
        let rawTwin = raw.concurrentTwinEventsPerSecond
        return [
            Row(workload: "append, batch 1 (one writer)", harbour: harbour.appendEventsPerSecond[1] ?? 0,
                baseline: rawAppend[1] ?? 0, baselineName: "raw B=1", target: "≥ 0.90"),
            Row(workload: "append, batch 100", harbour: harbour.appendEventsPerSecond[100] ?? 0,
                baseline: rawAppend[100] ?? 0, baselineName: "raw B=100", target: "–"),
            Row(workload: "append, batch 10,000", harbour: harbour.appendEventsPerSecond[10_000] ?? 0,
                baseline: rawAppend[10_000] ?? 0, baselineName: "raw B=10,000", target: "≥ 0.70"),
            Row(workload: "1 appender, single events", harbour: harbour.concurrentEventsPerSecond[1] ?? 0,
                baseline: rawTwin[1] ?? 0, baselineName: "raw B=1", target: "–"),
            Row(workload: "16 concurrent appenders, single events", harbour: harbour.concurrentEventsPerSecond[16] ?? 0,
                baseline: rawTwin[16] ?? 0, baselineName: "raw B=100", target: "–"),
            Row(workload: "256 concurrent appenders, single events", harbour: harbour.concurrentEventsPerSecond[256] ?? 0,
                baseline: rawTwin[256] ?? 0, baselineName: "raw B=100", target: "≥ 0.50"),
            Row(workload: "full read, decode every envelope" + (harbour.scanIsCold ? " (cold)" : " (warm)"),
                harbour: harbour.scanEventsPerSecond, baseline: raw.scanEventsPerSecond,
                baselineName: "raw scan" + (raw.scanIsCold ? " (cold)" : " (warm)"), target: "≥ 1,000,000 ev/s"),
        ]
    }

    func markdownTable() -> String {
        var lines = [
            "| workload | Harbour events/s | raw LMDB events/s | ratio | target |",
            "|---|---:|---:|---:|---|",
        ]
        for row in rows {
            let ratio = row.baseline > 0 ? row.harbour / row.baseline : 0
            lines.append(
                "| \(row.workload) | \(Self.format(row.harbour)) | \(Self.format(row.baseline)) (\(row.baselineName)) | \(String(format: "%.2f", ratio)) | \(row.target) |")
        }
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var grouped = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return String(grouped.reversed())
    }
}
