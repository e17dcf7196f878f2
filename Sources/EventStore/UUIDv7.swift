public import Foundation

/// Time-ordered UUIDs (RFC 9562 version 7). Ids minted by the store's clients sort by time, so
/// the event-id index grows at its end instead of splitting pages at random.
public enum UUIDv7 {
    public static func make(at timestamp: Timestamp = .now()) -> UUID {
        var generator = SystemRandomNumberGenerator()
        return make(milliseconds: UInt64(timestamp.microsecondsSinceEpoch / 1_000), using: &generator)
    }

    public static func make(milliseconds: UInt64, using generator: inout some RandomNumberGenerator) -> UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        let random = generator.next()
        let random2 = generator.next()
        for index in 6..<16 {
            let source = index < 14 ? random : random2
            bytes[index] = UInt8(truncatingIfNeeded: source >> (8 * (index % 8)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x70
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
