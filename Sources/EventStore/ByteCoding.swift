import Foundation

/// Sequential little-endian writes into a buffer sized in advance.
struct ByteWriter {
    let buffer: UnsafeMutableRawBufferPointer
    private(set) var offset = 0

    init(buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    mutating func put<T: FixedWidthInteger>(_ value: T) {
        buffer.storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
    }

    mutating func put(uuid: UUID) {
        withUnsafeBytes(of: uuid.uuid) { put(bytes: $0) }
    }

    mutating func put(bytes: some Collection<UInt8>) {
        let target = UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<offset + bytes.count])
        target.copyBytes(from: bytes)
        offset += bytes.count
    }

    mutating func put(bytes: UnsafeRawBufferPointer) {
        UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<offset + bytes.count]).copyMemory(from: bytes)
        offset += bytes.count
    }

    mutating func putString16(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            put(UInt16(utf8.count))
            put(bytes: UnsafeRawBufferPointer(utf8))
        }
    }
}

/// Bounds-checked sequential little-endian reads; running past the end is a ``Problem``.
struct ByteReader {
    struct Problem: Error { let reason: String }

    let buffer: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var isAtEnd: Bool { offset == buffer.count }
    var remaining: Int { buffer.count - offset }

    mutating func take(_ count: Int, _ what: @autoclosure () -> String) throws -> UnsafeRawBufferPointer {
        guard count <= remaining else {
            throw Problem(reason: "truncated: \(what()) needs \(count) bytes, \(remaining) left")
        }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
    }

    mutating func get<T: FixedWidthInteger>() throws -> T {
        let bytes = try take(MemoryLayout<T>.size, "\(T.self)")
        return T(littleEndian: bytes.loadUnaligned(as: T.self))
    }

    mutating func getUUID() throws -> UUID {
        let bytes = try take(16, "a UUID")
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { $0.copyMemory(from: bytes) }
        return UUID(uuid: uuid)
    }

    mutating func getBytes(_ count: Int) throws -> [UInt8] {
        Array(try take(count, "\(count) bytes"))
    }

    mutating func getString16(field: String) throws -> String {
        let count = Int(try get() as UInt16)
        let bytes = try take(count, field).assumingMemoryBound(to: UInt8.self)
        // Stream ids, event types and actors are nearly always ASCII, which is valid UTF-8 as
        // it stands: `String(decoding:)` is then exact, and far cheaper than the generic
        // `String(validating:)`, which was 40 % of a full read's time.
        if Self.isASCII(UnsafeRawBufferPointer(bytes)) { return String(decoding: bytes, as: UTF8.self) }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw Problem(reason: "\(field) is not valid UTF-8")
        }
        return string
    }

    /// True when no byte has its high bit set, tested eight bytes at a time.
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        var highBits: UInt64 = 0
        while offset + 8 <= bytes.count {
            highBits |= bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            highBits |= UInt64(bytes[offset])
            offset += 1
        }
        return highBits & 0x8080_8080_8080_8080 == 0
    }
}
