import Crypto

/// One stored data key: its owner (the data subject's stream) and the key wrapped by the master
/// key. Stored as a 2-byte big-endian owner length, the owner in UTF-8, then the wrapped key.
struct KeyRecord {
    let owner: String
    let wrapped: [UInt8]

    init(owner: String, wrapped: [UInt8]) {
        self.owner = owner
        self.wrapped = wrapped
    }

    init(_ buffer: UnsafeRawBufferPointer) {
        let length = Int(buffer[0]) << 8 | Int(buffer[1])
        owner = String(decoding: buffer[2..<(2 + length)], as: UTF8.self)
        wrapped = Array(buffer[(2 + length)...])
    }

    var bytes: [UInt8] {
        let ownerBytes = Array(owner.utf8)
        return [UInt8(ownerBytes.count >> 8), UInt8(ownerBytes.count & 0xff)] + ownerBytes + wrapped
    }
}

/// AES-256-GCM with a label as authenticated data, so a wrapped key or a sealed field cannot be
/// moved to another id unnoticed.
enum Wrapping {
    static func wrap(_ plaintext: [UInt8], with key: SymmetricKey, label: [UInt8]) throws -> [UInt8] {
        Array(try AES.GCM.seal(plaintext, using: key, authenticating: label).combined!)
    }

    static func unwrap(_ combined: [UInt8], with key: SymmetricKey, label: [UInt8]) throws -> [UInt8] {
        Array(try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key, authenticating: label))
    }
}
