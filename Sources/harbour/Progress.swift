import Foundation

/// Progress of long work on stderr: a bar with rate and ETA on a terminal, a plain line every
/// few seconds otherwise, nothing when quiet.
final class ProgressReport {
    /// Seconds between plain lines when stderr is not a terminal.
    static let plainIntervalSeconds = 5.0
    /// Seconds between redraws of the bar.
    static let barIntervalSeconds = 0.1

    private let label: String
    private let total: UInt64?
    private let quiet: Bool
    private let start = Date()
    private lazy var lastShown = start
    private var drewBar = false

    init(_ label: String, total: UInt64?, quiet: Bool) {
        self.label = label
        self.total = total
        self.quiet = quiet
    }

    /// Reports `done` units (events) so far.
    func update(_ done: UInt64) {
        guard !quiet else { return }
        let now = Date()
        let interval = Terminal.stderrIsTerminal ? Self.barIntervalSeconds : Self.plainIntervalSeconds
        guard now.timeIntervalSince(lastShown) >= interval else { return }
        lastShown = now
        if Terminal.stderrIsTerminal {
            Terminal.writeError("\r\(bar(done, now: now))\u{1B}[K")
            drewBar = true
        } else {
            Terminal.writeError("\(label): \(status(done, now: now))\n")
        }
    }

    /// Clears the bar (the command prints its own summary).
    func finish() {
        guard !quiet, drewBar else { return }
        Terminal.writeError("\r\u{1B}[K")
    }

    private func bar(_ done: UInt64, now: Date) -> String {
        guard let total, total > 0 else { return "\(label): \(status(done, now: now))" }
        let width = 30
        let filled = Int(Double(width) * min(1, Double(done) / Double(total)))
        return "\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(status(done, now: now))"
    }

    private func status(_ done: UInt64, now: Date) -> String {
        let seconds = max(0.001, now.timeIntervalSince(start))
        let rate = Double(done) / seconds
        var text = "\(done.grouped)"
        if let total { text += " of \(total.grouped)" }
        text += " events, \(Int(rate).grouped)/s"
        if let total, rate > 0, done < total {
            text += ", ETA \(Self.duration(Double(total - done) / rate))"
        }
        return text
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3_600 ? "\(whole / 3_600)h\(whole % 3_600 / 60)m" : whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
    }
}
