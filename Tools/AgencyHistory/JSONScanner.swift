import Foundation

/// Reads JSON tokens from one line's bytes, for the hand-written import parser: strings,
/// unsigned integers, and whole values skipped (their byte range kept). Any syntax error is
/// `nil`/`false`, which the parser reports as the line not being valid JSON.
struct JSONScanner {
    let bytes: ArraySlice<UInt8>
    var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var atEnd: Bool { index >= bytes.endIndex }
    var peek: UInt8? { atEnd ? nil : bytes[index] }

    mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    /// Consumes `byte` (after whitespace) when it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// Consumes the literal `word` (`null`, `true`, `false`) when it is next.
    mutating func consume(literal word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.endIndex - index >= count else { return false }
        let literal = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard bytes[index..<index + count].elementsEqual(literal) else { return false }
        index += count
        return true
    }

    /// A string token, unescaped; nil when the next token is not a valid string.
    mutating func string() -> String? {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var end = start
        while end < bytes.endIndex, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.endIndex, bytes[end] == UInt8(ascii: "\"") {
            index = end + 1
            return String(validating: bytes[start..<end], as: UTF8.self)
        }
        // Escapes or control characters: rare, so Foundation reads this one string.
        guard let range = skipString() else { return nil }
        return try? JSONDecoder().decode(String.self, from: Data(bytes[range]))
    }

    /// Skips a string token and returns its range, quotes included.
    mutating func skipString() -> Range<Int>? {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { return nil }
        let start = index
        index += 1
        while let byte = peek {
            index += 1
            if byte == UInt8(ascii: "\"") { return start..<index }
            if byte == UInt8(ascii: "\\") { index += 1 } else if byte < 0x20 { return nil }
        }
        return nil
    }

    /// A non-negative integer token without sign, fraction or exponent; nil otherwise.
    mutating func unsigned() -> UInt64? {
        skipWhitespace()
        var value: UInt64 = 0
        let start = index
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = times + UInt64(byte - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start, let next = peek, next == UInt8(ascii: ",") || next == UInt8(ascii: "}") || next <= 0x20 else { return nil }
        return value
    }

    /// Skips any value and returns its range; nil on a syntax error. Nesting is bounded by
    /// the line's length, and each level is one frame.
    mutating func skipValue(depth: Int = 0) -> Range<Int>? {
        skipWhitespace()
        let start = index
        guard let byte = peek, depth < 512 else { return nil }
        switch byte {
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "{"): return skipContainer(close: UInt8(ascii: "}"), keyed: true, depth: depth).map { start..<$0 }
        case UInt8(ascii: "["): return skipContainer(close: UInt8(ascii: "]"), keyed: false, depth: depth).map { start..<$0 }
        case UInt8(ascii: "t"): return consume(literal: "true") ? start..<index : nil
        case UInt8(ascii: "f"): return consume(literal: "false") ? start..<index : nil
        case UInt8(ascii: "n"): return consume(literal: "null") ? start..<index : nil
        default:
            while let next = peek, next == UInt8(ascii: "-") || next == UInt8(ascii: "+") || next == UInt8(ascii: ".")
                || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") || (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9"))
            {
                index += 1
            }
            return index > start ? start..<index : nil
        }
    }

    private mutating func skipContainer(close: UInt8, keyed: Bool, depth: Int) -> Int? {
        index += 1
        if consume(close) { return index }
        repeat {
            if keyed {
                guard skipString() != nil, consume(UInt8(ascii: ":")) else { return nil }
            }
            guard skipValue(depth: depth + 1) != nil else { return nil }
        } while consume(UInt8(ascii: ","))
        return consume(close) ? index : nil
    }
}
