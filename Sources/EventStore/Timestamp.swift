public import Foundation

/// A point in time with microsecond precision, stored exactly (unlike `Date`'s Double),
/// so an exported log re-imports with identical bytes and hashes.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var microsecondsSinceEpoch: Int64

    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    public init(_ date: Date) {
        self.microsecondsSinceEpoch = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    public static func now() -> Timestamp { Timestamp(Date()) }

    public var date: Date { Date(timeIntervalSince1970: Double(microsecondsSinceEpoch) / 1_000_000) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    /// ISO 8601 in UTC with microseconds, e.g. `2025-04-01T09:30:00.000000Z`.
    public var description: String { iso8601 }

    public var iso8601: String {
        let seconds = microsecondsSinceEpoch.floorDivided(by: 1_000_000)
        let micros = microsecondsSinceEpoch - seconds * 1_000_000
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let year = Int(parts.tm_year) + 1900
        guard (0...9_999).contains(year) else { return Self.formatted(parts, year: year, micros: micros) }
        // Digit by digit: `String(format:)` was most of the cost of a client file's entries.
        let fields = [
            (year, 4, "-"), (Int(parts.tm_mon) + 1, 2, "-"), (Int(parts.tm_mday), 2, "T"), (Int(parts.tm_hour), 2, ":"),
            (Int(parts.tm_min), 2, ":"), (Int(parts.tm_sec), 2, "."), (Int(micros), 6, "Z"),
        ]
        return String(unsafeUninitializedCapacity: 27) { buffer in
            var index = 0
            for (value, width, separator) in fields {
                var rest = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[index + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                index += width
                buffer[index] = separator.utf8.first!
                index += 1
            }
            return index
        }
    }

    /// The same text through `String(format:)`, for years outside 0...9999.
    private static func formatted(_ parts: tm, year: Int, micros: Int64) -> String {
        String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
            year, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(micros))
    }

    /// Parses ISO 8601 with or without fractional seconds (`2025-04-01T09:30:00Z`,
    /// `2025-04-01T09:30:00.5+02:00`) or a plain date (`2025-04-01`, midnight UTC).
    public init?(iso8601 text: String) {
        guard let parsed = ISO8601Parsing.microseconds(text) else { return nil }
        self.microsecondsSinceEpoch = parsed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an ISO 8601 date-time such as 2025-04-01T09:30:00Z")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
