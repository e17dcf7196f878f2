/// A scalar in a flat JSON object.
enum FlatValue: Equatable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
}

/// Reads a JSON object whose values are all plain strings, integers, booleans or null — the
/// shape of the most frequent event payloads — without Foundation's decoder, which costs tens
/// of microseconds an event on Linux. Anything else (nesting, escapes, fractions, exponents)
/// returns nil, and the caller falls back to the full decoder, so the result never differs.
enum FlatJSON {
    /// Object keys a flat payload may hold; more means it is not the shape expected.
    static let fieldsMax = 32

    static func parse(_ bytes: [UInt8]) -> [String: FlatValue]? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            return reader.object()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func object() -> [String: FlatValue]? {
            guard consume(UInt8(ascii: "{")) else { return nil }
            var fields: [String: FlatValue] = [:]
            if consume(UInt8(ascii: "}")) { return fields }
            while fields.count < FlatJSON.fieldsMax {
                guard let key = string(), consume(UInt8(ascii: ":")), let value = value() else { return nil }
                fields[key] = value
                if consume(UInt8(ascii: ",")) { continue }
                guard consume(UInt8(ascii: "}")) else { return nil }
                skipSpace()
                return index == bytes.count ? fields : nil
            }
            return nil
        }

        mutating func string() -> String? {
            guard consume(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    defer { index += 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                }
                // Escapes and control characters are left to the full decoder.
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        mutating func value() -> FlatValue? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""): return string().map(FlatValue.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return integer()
            }
        }

        mutating func literal(_ word: StaticString, _ value: FlatValue) -> FlatValue? {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return nil }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
            index += count
            return value
        }

        mutating func integer() -> FlatValue? {
            var negative = false
            if bytes[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            var value = 0
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, digits < 18 {
                value = value * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            guard digits > 0, index < bytes.count else { return nil }
            let next = bytes[index]
            if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") || (next >= 0x30 && next <= 0x39) {
                return nil
            }
            return .integer(negative ? -value : value)
        }
    }
}
