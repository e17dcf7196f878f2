public import Foundation

/// A UUID's 36-character text written digit by digit: `UUID.uuidString` goes through
/// Foundation's formatting, and the file view writes two ids per rendered entry and the
/// request id twice per request.
enum UUIDText {
    private static let lowerDigits = Array("0123456789abcdef".utf8)
    private static let upperDigits = Array("0123456789ABCDEF".utf8)

    /// Appends `uuid` as `uuidString` spells it (upper case), or in lower case.
    static func append(_ uuid: UUID, lowercase: Bool = false, to out: inout [UInt8]) {
        let digits = lowercase ? lowerDigits : upperDigits
        withUnsafeBytes(of: uuid.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
        }
    }

    /// `uuid.uuidString.lowercased()`.
    static func lowercase(_ uuid: UUID) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        append(uuid, lowercase: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
