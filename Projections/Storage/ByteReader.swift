public import Events

/// Reads what ``ByteWriter`` wrote, from a buffer it does not own (an LMDB value, valid for
/// the transaction). Every read checks its bounds and every decoded value its range, and a
/// failure names what could not be read, so a damaged row is a clear error, never a crash.
public struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    /// Where the next read starts.
    public private(set) var offset = 0

    /// A reader over `bytes`.
    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// True when every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// The error for a value that is present but not valid.
    public func invalid(_ what: String) -> ByteReaderError { ByteReaderError(detail: "\(what) at byte \(offset) is not valid") }

    private func truncated(_ what: String) -> ByteReaderError {
        ByteReaderError(detail: "\(what) at byte \(offset) runs past the end of a \(bytes.count)-byte value")
    }

    /// One byte.
    public mutating func byte(_ what: String = "byte") throws(ByteReaderError) -> UInt8 {
        guard offset < bytes.count else { throw truncated(what) }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Eight big-endian bytes.
    public mutating func bigEndianUInt64(_ what: String = "integer") throws(ByteReaderError) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw truncated(what) }
        var value: UInt64 = 0
        for index in offset..<offset + 8 { value = value << 8 | UInt64(bytes[index]) }
        offset += 8
        return value
    }

    /// A LEB128 unsigned integer.
    public mutating func varint(_ what: String = "integer") throws(ByteReaderError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte(what)
            guard shift < 64 else { throw invalid(what) }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    /// A zig-zag signed integer.
    public mutating func int(_ what: String = "integer") throws(ByteReaderError) -> Int {
        let raw = try varint(what)
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A flag (0 or 1).
    public mutating func bool(_ what: String = "flag") throws(ByteReaderError) -> Bool {
        switch try byte(what) {
        case 0: return false
        case 1: return true
        default: throw invalid(what)
        }
    }

    /// A length-prefixed UTF-8 string.
    public mutating func string(_ what: String = "text") throws(ByteReaderError) -> String {
        let count = try varint(what)
        guard count <= UInt64(bytes.count - offset) else { throw truncated(what) }
        let length = Int(count)
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    /// An optional string.
    public mutating func optionalString(_ what: String = "text") throws(ByteReaderError) -> String? {
        try bool(what) ? try string(what) : nil
    }

    /// A day.
    public mutating func date(_ what: String = "date") throws(ByteReaderError) -> CalendarDate {
        guard offset + 4 <= bytes.count else { throw truncated(what) }
        let year = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
        let month = Int(bytes[offset + 2]), day = Int(bytes[offset + 3])
        guard let date = CalendarDate(year: year, month: month, day: day) else { throw invalid(what) }
        offset += 4
        return date
    }

    /// An optional day.
    public mutating func optionalDate(_ what: String = "date") throws(ByteReaderError) -> CalendarDate? {
        try bool(what) ? try date(what) : nil
    }

    /// A coded value by its code.
    public mutating func code<Code: CodedValue>(_ type: Code.Type) throws(ByteReaderError) -> Code {
        // The type's name is only worked out for an error: describing a type costs microseconds.
        let raw = try string("code")
        guard let value = Code(rawValue: raw) else { throw invalid("\(type) code \"\(raw)\"") }
        return value
    }

    /// A list written by ``ByteWriter/write(list:_:)``.
    public mutating func list<Element>(
        _ what: String, _ element: (inout ByteReader) throws(ByteReaderError) -> Element
    ) throws(ByteReaderError) -> [Element] {
        let count = try varint(what)
        // Every element takes at least one byte: a larger count is damage, not a huge list.
        guard count <= UInt64(bytes.count - offset) else { throw truncated(what) }
        var items: [Element] = []
        items.reserveCapacity(Int(count))
        for _ in 0..<count { items.append(try element(&self)) }
        return items
    }
}

/// What a ``ByteReader`` could not read.
public struct ByteReaderError: Error, Sendable, Equatable {
    /// What, where, and why.
    public let detail: String
}
