public import Foundation

/// Writes lines to a file or standard output through a buffer (one write per
/// ``bufferBytesMax``), so exporting a million events is not a million system calls.
public final class JSONLinesWriter {
    /// Bytes gathered before they are written.
    public static let bufferBytesMax = 1 << 20

    private let handle: FileHandle
    private let closesHandle: Bool
    private var buffer: [UInt8] = []

    /// A writer that creates (or truncates) the file at `path`.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        closesHandle = true
        buffer.reserveCapacity(Self.bufferBytesMax)
    }

    /// A writer to an open handle (standard output), left open.
    public init(handle: FileHandle) {
        self.handle = handle
        closesHandle = false
    }

    /// Appends `line` and a newline.
    public func write(_ line: [UInt8]) throws {
        buffer += line
        buffer.append(0x0A)
        if buffer.count >= Self.bufferBytesMax { try flush() }
    }

    /// Writes out what is buffered.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, closes it.
    public func close() throws {
        try flush()
        if closesHandle { try handle.close() }
    }
}
