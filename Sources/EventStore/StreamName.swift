/// Rules for stream ids: `category-identity`, e.g. `client-3f2a…`.
public enum StreamName {
    /// The category: the part before the first `-` (the whole id if it has none).
    public static func category(of streamId: String) -> String {
        guard let dash = streamId.utf8.firstIndex(of: UInt8(ascii: "-")) else { return streamId }
        return String(streamId[..<dash])
    }

    /// Nil when `streamId` is acceptable, else what is wrong with it.
    static func problem(with streamId: String, limits: StoreLimits) -> String? {
        let scan = NameBytes.scan(streamId)
        if scan.count == 0 { return "is empty" }
        if scan.count > limits.streamIdBytesMax {
            return "is \(scan.count) bytes, over the limit of \(limits.streamIdBytesMax) (streamIdBytesMax)"
        }
        if scan.hasControl { return streamId.utf8.contains(0) ? "contains a NUL byte" : "contains a control character" }
        if scan.first == UInt8(ascii: "$") { return "starts with '$', which is reserved for the store" }
        return nil
    }
}

/// One pass over a name's UTF-8 bytes for what the append checks: this runs for the stream
/// and for every event's type and actor, on the appending task's share of the serial path.
enum NameBytes {
    /// The byte count, the first byte, and whether any byte is a control character (C0 or DEL).
    static func scan(_ value: String) -> (count: Int, first: UInt8?, hasControl: Bool) {
        if let result = value.utf8.withContiguousStorageIfAvailable(scan) { return result }
        return Array(value.utf8).withUnsafeBufferPointer(scan)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, first: UInt8?, hasControl: Bool) {
        var hasControl = false
        for byte in bytes { hasControl = hasControl || byte < 0x20 || byte == 0x7f }
        return (bytes.count, bytes.first, hasControl)
    }
}

extension StreamName {
    /// ``category(of:)`` for a stream id in UTF-8.
    static func category(ofKey stream: [UInt8]) -> [UInt8] {
        Array(stream.prefix(categoryByteCount(ofKey: stream)))
    }

    /// How many leading bytes of a UTF-8 stream id are its category: those before the first `-`.
    static func categoryByteCount<Bytes: Collection<UInt8>>(ofKey stream: Bytes) -> Int {
        guard let dash = stream.firstIndex(of: UInt8(ascii: "-")) else { return stream.count }
        return stream.distance(from: stream.startIndex, to: dash)
    }
}
