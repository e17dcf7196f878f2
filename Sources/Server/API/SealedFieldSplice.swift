import Events
import Foundation

/// A stored payload with its sealed personal fields opened in place: each
/// `{"sealed":{"box":"…","keyId":"…"}}` becomes the JSON its box holds (as the casework service
/// sealed it: the field encoded by ``EventCoding/encoder()``), and every other byte stays as
/// stored. For a payload at its event type's current schema version that is what decoding the
/// event with the keys and encoding it again gives, without JSONDecoder and JSONEncoder over
/// the whole event, which were most of a client's first file view.
enum SealedFieldSplice {
    /// Event types holding payloads as JSON trees (a correction's replacement), whose sealed
    /// fields decoding leaves sealed: only decoding shows what they show.
    static let typesOpenedByDecoding: Set<String> = [EventCorrected.eventType]

    private static let sealedKey = Array(#""sealed""#.utf8)
    private static let boxHead = Array(#"{"sealed":{"box":""#.utf8)
    private static let keyIdHead = Array(#"","keyId":""#.utf8)
    private static let boxTail = Array(#""}}"#.utf8)

    /// `payload` with every sealed field opened by `opener` (a field whose key is gone stays
    /// sealed, as decoding leaves it); nil when some `"sealed"` in it is not exactly such a box,
    /// and then the caller decodes instead.
    /// - Throws: when a box does not open with its existing key (tampered or corrupt).
    static func opened(_ payload: [UInt8], by opener: any PersonalDataOpener) throws -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + payload.count / 2)
        var copied = 0
        while let found = firstIndex(of: sealedKey, in: payload, from: copied) {
            guard found > 0, let (box, end) = sealedBox(in: payload, at: found - 1) else { return nil }
            out += payload[copied..<(found - 1)]
            if let plaintext = try opener.open(box) {
                out += plaintext
            } else {
                out += payload[(found - 1)..<end]
            }
            copied = end
        }
        out += payload[copied...]
        return out
    }

    /// The box spelled at `start`, and where its object ends; nil unless the bytes there are
    /// exactly `{"sealed":{"box":"<base64>","keyId":"<text without escapes>"}}`.
    private static func sealedBox(in bytes: [UInt8], at start: Int) -> (SealedBox, end: Int)? {
        guard has(boxHead, in: bytes, at: start) else { return nil }
        let boxStart = start + boxHead.count
        var index = boxStart
        while index < bytes.count, isBase64(bytes[index]) { index += 1 }
        let boxEnd = index
        guard has(keyIdHead, in: bytes, at: index) else { return nil }
        let keyIdStart = index + keyIdHead.count
        index = keyIdStart
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            guard bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        guard has(boxTail, in: bytes, at: index), let box = Data(base64Encoded: Data(bytes[boxStart..<boxEnd])) else { return nil }
        let keyId = String(decoding: bytes[keyIdStart..<index], as: UTF8.self)
        return (SealedBox(keyId: keyId, box: box), index + boxTail.count)
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            true
        default: false
        }
    }

    private static func has(_ needle: [UInt8], in bytes: [UInt8], at start: Int) -> Bool {
        start >= 0 && bytes.count - start >= needle.count && bytes[start..<(start + needle.count)].elementsEqual(needle)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first, has(needle, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }
}
