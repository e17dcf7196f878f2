import Crypto
public import Foundation
import Glibc

/// The key that wraps every data key: 256 random bits, kept outside the data folder in a file
/// readable by its owner only (mode 0600), or given in an environment variable.
public struct MasterKey: Sendable {
    /// The environment variable naming the key file.
    public static let fileVariable = "HARBOUR_MASTER_KEY_FILE"
    /// The environment variable holding the key itself as 64 hex digits.
    public static let valueVariable = "HARBOUR_MASTER_KEY"

    let key: SymmetricKey

    /// A key from its 32 raw bytes.
    public init(bytes: some ContiguousBytes) {
        self.key = SymmetricKey(data: bytes)
    }

    /// A fresh random key.
    public static func generate() -> MasterKey {
        MasterKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    /// The key as 64 lowercase hex digits (what the key file holds).
    public var hexDigits: String {
        key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
    }

    /// Reads the key from `path`, refusing a file others can read or write.
    public static func read(file path: String) throws(PrivacyError) -> MasterKey {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .masterKeyUnreadable(source: path, problem: String(cString: strerror(errno)))
        }
        guard status.st_mode & 0o077 == 0 else { throw .masterKeyFilePermissions(path: path, mode: UInt32(status.st_mode)) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .masterKeyUnreadable(source: path, problem: "cannot be read")
        }
        return try parse(text, source: path)
    }

    /// The key given by `environment`: the file named by ``fileVariable``, else the digits in
    /// ``valueVariable``, else nil.
    public static func fromEnvironment(_ environment: [String: String]) throws(PrivacyError) -> MasterKey? {
        if let path = environment[fileVariable], !path.isEmpty { return try read(file: path) }
        if let digits = environment[valueVariable], !digits.isEmpty { return try parse(digits, source: valueVariable) }
        return nil
    }

    /// Writes a new random key to `path` with mode 0600, refusing to overwrite a file.
    public static func create(file path: String) throws(PrivacyError) -> MasterKey {
        let key = generate()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw .masterKeyUnreadable(source: path, problem: "cannot be created: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let line = Array((key.hexDigits + "\n").utf8)
        guard write(descriptor, line, line.count) == line.count, fsync(descriptor) == 0 else {
            throw .masterKeyUnreadable(source: path, problem: "cannot be written: \(String(cString: strerror(errno)))")
        }
        return key
    }

    static func parse(_ text: String, source: String) throws(PrivacyError) -> MasterKey {
        let digits = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard digits.count == 64, let bytes = Self.bytes(hex: digits) else {
            throw .masterKeyUnreadable(source: source, problem: "must be 64 hex digits (256 bits), found \(digits.count) characters")
        }
        return MasterKey(bytes: bytes)
    }

    private static func bytes(hex: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
