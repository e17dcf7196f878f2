import Foundation
import ArgumentParser
import EventStore

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show events, streams, size on disk, map size and use, readers, and the last position and time.",
        discussion: """
            Example:
              harbour stats --data /srv/harbour
            """)

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let store = try options.openStore()
        let statistics = try store.statistics()
        await store.close()
        let rows: [(String, String)] = [
            ("data folder", options.dataFolder),
            ("events", statistics.events.grouped),
            ("streams", statistics.streams.grouped),
            ("size on disk", Self.bytes(statistics.fileSizeBytes)),
            ("map size", Self.bytes(statistics.mapSizeBytes)),
            ("map used", "\(Self.bytes(statistics.usedBytes)) (\(Self.percent(statistics.usedBytes, of: statistics.mapSizeBytes)))"),
            ("readers in use", "\(statistics.readersUsed) of \(statistics.readersMax)"),
            ("last position", statistics.events.grouped),
            ("last recorded at", statistics.lastRecordedAt?.iso8601 ?? "none (empty log)"),
        ]
        for (name, value) in rows {
            Terminal.print(name.padding(toLength: 18, withPad: " ", startingAt: 0) + value)
        }
    }

    static func bytes(_ count: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1_024, unit < units.count - 1 {
            value /= 1_024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : "\(String(format: "%.1f", value)) \(units[unit])"
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? String(format: "%.1f%%", 100 * Double(part) / Double(whole)) : "0%"
    }
}
