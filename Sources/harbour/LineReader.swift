import Foundation

/// Reads a file line by line in large chunks (a million-line import must not load the file
/// whole, nor read it a byte at a time). Line numbers start at 1; a trailing `\r` is dropped.
struct LineReader: Sequence {
    /// Bytes read per system call.
    static let chunkBytes = 1 << 20

    let path: String

    func makeIterator() -> Iterator {
        Iterator(handle: FileHandle(forReadingAtPath: path))
    }

    struct Iterator: IteratorProtocol {
        let handle: FileHandle?
        private var buffer: [UInt8] = []
        private var start = 0
        private var lineNumber = 0
        private var exhausted = false

        init(handle: FileHandle?) { self.handle = handle }

        mutating func next() -> (number: Int, bytes: ArraySlice<UInt8>)? {
            while true {
                if let newline = buffer[start...].firstIndex(of: 0x0A) {
                    defer { start = newline + 1 }
                    lineNumber += 1
                    return (lineNumber, trimmed(buffer[start..<newline]))
                }
                guard !exhausted, let handle else { break }
                let chunk = (try? handle.read(upToCount: LineReader.chunkBytes)) ?? nil
                buffer.removeFirst(start)
                start = 0
                if let chunk, !chunk.isEmpty { buffer += chunk } else { exhausted = true }
            }
            guard start < buffer.count else { return nil }
            defer { start = buffer.count }
            lineNumber += 1
            return (lineNumber, trimmed(buffer[start...]))
        }

        private func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            line.last == 0x0D ? line.dropLast() : line
        }
    }
}
