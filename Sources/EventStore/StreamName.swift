/// Rules for stream ids: `category-identity`, e.g. `client-3f2a…`.
public enum StreamName {
    /// The category: the part before the first `-` (the whole id if it has none).
    public static func category(of streamId: String) -> String {
        guard let dash = streamId.utf8.firstIndex(of: UInt8(ascii: "-")) else { return streamId }
        return String(streamId[..<dash])
    }

    /// Nil when `streamId` is acceptable, else what is wrong with it.
    static func problem(with streamId: String, limits: StoreLimits) -> String? {
        let bytes = streamId.utf8
        if bytes.isEmpty { return "is empty" }
        if bytes.count > limits.streamIdBytesMax {
            return "is \(bytes.count) bytes, over the limit of \(limits.streamIdBytesMax) (streamIdBytesMax)"
        }
        if bytes.contains(0) { return "contains a NUL byte" }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7f }) { return "contains a control character" }
        if streamId.hasPrefix("$") { return "starts with '$', which is reserved for the store" }
        return nil
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
