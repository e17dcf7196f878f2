import Crypto

/// Ballot receipt codes: 20 random Crockford base-32 characters in groups of five (100 bits),
/// and the SHA-256 hash that a ballot stores instead of the code.
public enum ReceiptCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let charactersCount = 20
    static let groupCharacters = 5

    /// A new code drawn from `generator` (the service passes the system's secure generator).
    public static func make(using generator: inout some RandomNumberGenerator) -> String {
        var code = ""
        for index in 0..<charactersCount {
            if index > 0, index % groupCharacters == 0 { code.append("-") }
            code.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
        }
        return code
    }

    /// Lowercase hex SHA-256 of the code with dashes and spaces dropped and letters uppercased,
    /// so a voter may retype it loosely.
    public static func hash(_ code: String) -> String {
        let normalized = code.uppercased().filter { $0 != "-" && !$0.isWhitespace }
        return SHA256.hash(data: Array(normalized.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
