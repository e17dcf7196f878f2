import Foundation

/// Writing to the terminal: results on stdout, errors and progress on stderr.
enum Terminal {
    /// True when stderr is a terminal (progress bars) rather than a file or pipe (plain lines).
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1

    static func error(_ message: String) {
        writeError("harbour: error: \(message)\n")
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes a line to stdout at once: `print` buffers when stdout is a pipe or file, and a
    /// password shown only once must not be lost in a buffer if the process is stopped.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

extension Int {
    /// 1234567 as `1,234,567`.
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (self < 0 ? "-" : "") + out
    }
}

extension UInt64 {
    var grouped: String { Int(self).grouped }
}
