/// Recognizes JSON that is already in ``EventCoding``'s form (compact, keys sorted, strings
/// unescaped), so an import can store a payload's bytes as they are instead of decoding and
/// re-encoding it. It answers false whenever it cannot be sure — escapes, fractions and
/// exponents, keys whose order could depend on the sorting rule (case, digits, non-ASCII) —
/// and the caller then takes the slow, exact path.
enum CanonicalJSON {
    /// True when `bytes` are one JSON value exactly as the encoder would write it.
    static func isCanonical(_ bytes: ArraySlice<UInt8>) -> Bool {
        var checker = Checker(bytes: bytes, index: bytes.startIndex)
        return checker.value(depth: 0) && checker.index == bytes.endIndex
    }

    private struct Checker {
        let bytes: ArraySlice<UInt8>
        var index: Int

        var peek: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

        mutating func value(depth: Int) -> Bool {
            guard let byte = peek, depth < 512 else { return false }
            switch byte {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return integer()
            }
        }

        mutating func object(depth: Int) -> Bool {
            index += 1
            if take(UInt8(ascii: "}")) { return true }
            var previous: ArraySlice<UInt8>?
            repeat {
                guard let key = string(), Self.isPlainKey(key), take(UInt8(ascii: ":")) else { return false }
                if let previous, !Self.precedes(previous, key) { return false }
                previous = key
                guard value(depth: depth + 1) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        }

        mutating func array(depth: Int) -> Bool {
            index += 1
            if take(UInt8(ascii: "]")) { return true }
            repeat {
                guard value(depth: depth + 1) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]"))
        }

        /// A string without escapes or control characters, valid UTF-8; its contents.
        mutating func string() -> ArraySlice<UInt8>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            var ascii = true
            while let byte = peek, byte != UInt8(ascii: "\"") {
                guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
                if byte >= 0x80 { ascii = false }
                index += 1
            }
            let contents = bytes[start..<index]
            guard take(UInt8(ascii: "\"")) else { return nil }
            if !ascii, String(validating: contents, as: UTF8.self) == nil { return nil }
            return contents
        }

        /// `-?(0|[1-9][0-9]*)`, at most 18 digits (always an Int64).
        mutating func integer() -> Bool {
            _ = take(UInt8(ascii: "-"))
            let start = index
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
            let digits = index - start
            guard digits >= 1, digits <= 18, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return false }
            guard let next = peek else { return true }
            return next == UInt8(ascii: ",") || next == UInt8(ascii: "}") || next == UInt8(ascii: "]")
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.endIndex - index >= count,
                bytes[index..<index + count].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
            else { return false }
            index += count
            return true
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        /// ASCII letters and `_` only: no digits, so numeric and byte order agree.
        static func isPlainKey(_ key: ArraySlice<UInt8>) -> Bool {
            key.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: "_") }
        }

        /// `first` sorts strictly before `second` both by bytes and ignoring case, so any
        /// ordering the encoder might use puts them in this order.
        static func precedes(_ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>) -> Bool {
            func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
            return first.lexicographicallyPrecedes(second) && first.lazy.map(lower).lexicographicallyPrecedes(second.lazy.map(lower))
        }
    }
}
