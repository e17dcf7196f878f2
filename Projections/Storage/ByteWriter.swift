public import Events

/// Appends the compact binary form of facts: fixed-width big-endian integers, LEB128
/// variable-length integers, length-prefixed UTF-8 strings. Small and hand-written so the
/// hot path of a rebuild never touches a general-purpose encoder.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    /// Forgets the bytes but keeps the storage, so one writer serves a whole batch.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// One byte.
    public mutating func write(_ byte: UInt8) { bytes.append(byte) }

    /// Raw bytes, without a length.
    public mutating func write<Bytes: Sequence>(contentsOf raw: Bytes) where Bytes.Element == UInt8 { bytes.append(contentsOf: raw) }

    /// Eight bytes, most significant first (sorts as a key).
    public mutating func write(bigEndian value: UInt64) {
        var shift: UInt64 = 56
        while true {
            bytes.append(UInt8(truncatingIfNeeded: value >> shift))
            if shift == 0 { return }
            shift -= 8
        }
    }

    /// An unsigned integer in 1 to 10 bytes (LEB128).
    public mutating func write(varint value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A signed integer, zig-zag encoded so small negatives stay small.
    public mutating func write(int value: Int) {
        let wide = Int64(value)
        write(varint: UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    /// A flag.
    public mutating func write(bool value: Bool) { bytes.append(value ? 1 : 0) }

    /// A string: its UTF-8 length, then its bytes.
    public mutating func write(string value: String) {
        var text = value
        text.withUTF8 { utf8 in
            write(varint: UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// An optional string: a presence byte, then the string.
    public mutating func write(optionalString value: String?) {
        write(bool: value != nil)
        if let value { write(string: value) }
    }

    /// A day as year (two bytes), month, day.
    public mutating func write(date: CalendarDate) {
        bytes.append(UInt8(truncatingIfNeeded: date.year >> 8))
        bytes.append(UInt8(truncatingIfNeeded: date.year))
        bytes.append(UInt8(truncatingIfNeeded: date.month))
        bytes.append(UInt8(truncatingIfNeeded: date.day))
    }

    /// An optional day: a presence byte, then the day.
    public mutating func write(optionalDate date: CalendarDate?) {
        write(bool: date != nil)
        if let date { write(date: date) }
    }

    /// A coded value by its code (robust to reordered cases; a version bump covers renames).
    public mutating func write<Code: CodedValue>(code: Code) { write(string: code.rawValue) }

    /// A list: its count, then each element as `element` writes it.
    public mutating func write<Element>(list: [Element], _ element: (inout ByteWriter, Element) -> Void) {
        write(varint: UInt64(list.count))
        for item in list { element(&self, item) }
    }
}
