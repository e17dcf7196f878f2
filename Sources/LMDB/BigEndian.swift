/// Big-endian encoding of unsigned integers, so LMDB's byte-wise key order is numeric order.
public enum BigEndian {
    @inline(__always)
    public static func bytes(_ value: UInt64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    /// Reads a big-endian UInt64 at `offset`; the caller guarantees 8 bytes are there.
    @inline(__always)
    public static func uint64(_ buffer: UnsafeRawBufferPointer, at offset: Int = 0) -> UInt64 {
        UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
