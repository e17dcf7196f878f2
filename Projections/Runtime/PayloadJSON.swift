import Foundation
import Events

/// A value in an event payload as the lean decoder reads it. Not `indirect`: objects and
/// arrays already live behind an array's storage, and an indirect enum boxes every field.
enum PayloadValue: Equatable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([PayloadValue])
    case object(PayloadObject)
}

/// A JSON object of a payload: its fields in the order written. A payload has a dozen keys
/// at most, so a linear search by key beats hashing every key twice (to store, to find).
struct PayloadObject: Equatable {
    /// One key and its value.
    struct Field: Equatable {
        let key: String
        let value: PayloadValue
        /// ``PayloadObject/tag(of:)`` of the key.
        let tag: UInt64

        init(key: String, value: PayloadValue) {
            self.key = key
            self.value = value
            tag = PayloadObject.tag(of: key)
        }
    }

    /// Distinct keys (the reader refuses an object that repeats one).
    let entries: [Field]

    subscript(key: String) -> PayloadValue? {
        let tag = Self.tag(of: key)
        for field in entries where field.tag == tag && field.key == key { return field.value }
        return nil
    }

    var count: Int { entries.count }

    /// True when every key is one of `keys`. `Codable` ignores unknown keys; the lean decoder
    /// defers on them instead, so a payload it does not expect always takes the full path.
    func hasOnly(_ keys: [String]) -> Bool {
        let tags = keys.map(Self.tag(of:))
        return entries.allSatisfy { field in keys.indices.contains { tags[$0] == field.tag && keys[$0] == field.key } }
    }

    /// A key's length and first seven bytes in one integer: keys that differ almost always
    /// differ here, so comparing keys is an integer compare, and the strings are compared
    /// only when the tags match. Comparing the strings alone went through the standard
    /// library's slow path for every pair of unequal keys (a twentieth of the decoding).
    static func tag(of key: String) -> UInt64 {
        var tag = UInt64(truncatingIfNeeded: key.utf8.count) << 56
        var shift: UInt64 = 48
        for byte in key.utf8.prefix(7) {
            tag |= UInt64(byte) << shift
            shift &-= 8
        }
        return tag
    }

    func string(_ key: String) -> String? {
        if case .string(let text)? = self[key] { return text }
        return nil
    }

    /// nil when the field is malformed; `.some(nil)` when it is absent or null.
    func optionalString(_ key: String) -> String?? {
        switch self[key] {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        default: return nil
        }
    }

    func date(_ key: String) -> CalendarDate? { string(key).flatMap(CalendarDate.init(iso8601:)) }

    /// nil when the field is malformed; `.some(nil)` when it is absent or null.
    func optionalDate(_ key: String) -> CalendarDate?? {
        switch self[key] {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return CalendarDate(iso8601: text).map { .some($0) }
        default: return nil
        }
    }

    func code<Code: CodedValue>(_ key: String, as type: Code.Type = Code.self) -> Code? { string(key).flatMap(Code.init(rawValue:)) }

    func bool(_ key: String) -> Bool? {
        if case .bool(let value)? = self[key] { return value }
        return nil
    }

    func integer(_ key: String) -> Int? {
        if case .integer(let value)? = self[key] { return value }
        return nil
    }

    func object(_ key: String) -> PayloadObject? {
        if case .object(let object)? = self[key] { return object }
        return nil
    }

    func array(_ key: String) -> [PayloadValue]? {
        if case .array(let items)? = self[key] { return items }
        return nil
    }

    /// A personal field as `Sealed` decodes it: `{"sealed": {"keyId", "box"}}` stays sealed (no
    /// opener here), anything else is the value in clear as `clear` reads it.
    func sealed<Value>(_ key: String, clear: (PayloadValue) -> Value?) -> Sealed<Value>? {
        guard let value = self[key] else { return nil }
        if case .object(let object) = value, object["sealed"] != nil {
            guard object.count == 1, let box = object.object("sealed"), box.hasOnly(["keyId", "box"]), let keyId = box.string("keyId"),
                let data = box.string("box").flatMap({ Data(base64Encoded: $0) })
            else { return nil }
            return .sealed(SealedBox(keyId: keyId, box: data))
        }
        return clear(value).map { .clear($0) }
    }

    /// Free text, in clear or sealed.
    func freeText(_ key: String) -> FreeText? {
        sealed(key) { value in
            if case .string(let text) = value { return text }
            return nil
        }.map { FreeText(content: $0) }
    }

    /// nil when the field is malformed; `.some(nil)` when it is absent or null.
    func optionalFreeText(_ key: String) -> FreeText?? {
        switch self[key] {
        case nil, .null?: return .some(nil)
        default: return freeText(key).map { .some($0) }
        }
    }
}

/// Reads the JSON of an event payload — objects, arrays, plain strings, integers, booleans and
/// null — without Foundation's decoder, which costs tens of microseconds an event on Linux.
/// Anything else (escapes, fractions, exponents, duplicate keys, deeper nesting than any
/// payload has) returns nil, and the caller falls back to the full decoder, so the result
/// never differs.
enum PayloadJSON {
    /// Keys an object may hold; more means it is not a shape the lean decoder expects.
    static let fieldsMax = 32
    /// Elements an array may hold.
    static let elementsMax = 1_024
    /// Objects and arrays nested in one another.
    static let depthMax = 6

    static func parse(_ bytes: [UInt8]) -> PayloadObject? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            guard let object = reader.object(depth: 0) else { return nil }
            reader.skipSpace()
            return reader.index == buffer.count ? object : nil
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

        mutating func object(depth: Int) -> PayloadObject? {
            guard depth < PayloadJSON.depthMax, consume(UInt8(ascii: "{")) else { return nil }
            var fields: [PayloadObject.Field] = []
            if consume(UInt8(ascii: "}")) { return PayloadObject(entries: fields) }
            while fields.count < PayloadJSON.fieldsMax {
                guard let key = string(), consume(UInt8(ascii: ":")), let value = value(depth: depth + 1) else { return nil }
                let field = PayloadObject.Field(key: key, value: value)
                guard !fields.contains(where: { $0.tag == field.tag && $0.key == key }) else { return nil }
                fields.append(field)
                if consume(UInt8(ascii: ",")) { continue }
                return consume(UInt8(ascii: "}")) ? PayloadObject(entries: fields) : nil
            }
            return nil
        }

        mutating func array(depth: Int) -> [PayloadValue]? {
            guard depth < PayloadJSON.depthMax, consume(UInt8(ascii: "[")) else { return nil }
            var items: [PayloadValue] = []
            if consume(UInt8(ascii: "]")) { return items }
            while items.count < PayloadJSON.elementsMax {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                if consume(UInt8(ascii: ",")) { continue }
                return consume(UInt8(ascii: "]")) ? items : nil
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

        mutating func value(depth: Int) -> PayloadValue? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""): return string().map(PayloadValue.string)
            case UInt8(ascii: "{"): return object(depth: depth).map(PayloadValue.object)
            case UInt8(ascii: "["): return array(depth: depth).map(PayloadValue.array)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return integer()
            }
        }

        mutating func literal(_ word: StaticString, _ value: PayloadValue) -> PayloadValue? {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return nil }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
            index += count
            return value
        }

        mutating func integer() -> PayloadValue? {
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
