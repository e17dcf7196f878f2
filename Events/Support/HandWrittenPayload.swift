/// An event that writes its payload bytes itself, byte for byte as ``EventCoding/encoder()``
/// would write them, or declines (nil) and is encoded by `JSONEncoder` as usual. For events
/// appended on every read (a file view), whose encoder setup cost more than the rest of the
/// append's preparation. Only for events without a personal field: their sealed encoding is
/// their plain one.
public protocol HandWrittenPayload: DomainEvent {
    /// The payload as ``EventCoding/encode(_:)`` would produce it, or nil to let it do so.
    var handWrittenPayload: [UInt8]? { get }
}

enum HandWrittenJSON {
    /// Appends `text` as a JSON string when it needs no escaping at all (printable ASCII other
    /// than a quote or a backslash), which is when every JSON writer spells it alike; false,
    /// with `out` unchanged, otherwise.
    static func appendPlainString(_ text: String, to out: inout [UInt8]) -> Bool {
        let isPlain = text.utf8.allSatisfy { (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        guard isPlain else { return false }
        out.append(UInt8(ascii: "\""))
        out += text.utf8
        out.append(UInt8(ascii: "\""))
        return true
    }
}

extension ClientFileViewed: HandWrittenPayload {
    /// `{"clientId":"…","purpose":"…"}`, keys sorted, when the client id needs no escaping.
    public var handWrittenPayload: [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(40 + clientId.rawValue.utf8.count)
        out += #"{"clientId":"#.utf8
        guard HandWrittenJSON.appendPlainString(clientId.rawValue, to: &out) else { return nil }
        out += #","purpose":"#.utf8
        guard HandWrittenJSON.appendPlainString(purpose.rawValue, to: &out) else { return nil }
        out.append(UInt8(ascii: "}"))
        return out
    }
}
