public import Crypto
public import Events
public import EventStore
import Foundation
import Glibc

/// Ballot keys as files in a folder of their own (`<data>/ballot-keys` beside the log): one
/// 32-byte file per election, mode 0600 in a 0700 folder, written and renamed into place with
/// fsyncs before the first sealed ballot is appended, overwritten with zeros and unlinked at
/// close. (A journaling or copy-on-write file system may keep old blocks; the key exists only
/// while balloting is open.)
public struct BallotKeyDirectory: BallotKeyStore {
    /// The folder.
    public let path: String

    /// The keys in `path` (created, 0700, on the first key).
    public init(path: String) {
        self.path = path
    }

    /// The folder `ballot-keys` beside `store`'s files, where the service keeps keys by default.
    public static func beside(_ store: EventStore) -> BallotKeyDirectory {
        BallotKeyDirectory(path: (store.directory as NSString).appendingPathComponent("ballot-keys"))
    }

    /// The file of `election`'s key: the id hex-encoded, so any id is a safe file name.
    public func location(of election: ElectionID) -> String {
        let hex = election.rawValue.utf8.map { String(format: "%02x", $0) }.joined()
        return (path as NSString).appendingPathComponent("\(hex).key")
    }

    public func key(for election: ElectionID, create: Bool) throws -> SymmetricKey? {
        let file = location(of: election)
        if let bytes = FileManager.default.contents(atPath: file) {
            guard bytes.count == SymmetricKeySize.bits256.bitCount / 8 else {
                throw BallotKeyError.keyUnreadable(location: file, problem: "it holds \(bytes.count) bytes, not 32")
            }
            return SymmetricKey(data: bytes)
        }
        guard create else { return nil }
        let key = SymmetricKey(size: .bits256)
        try write(key.withUnsafeBytes { Array($0) }, to: file)
        return key
    }

    public func destroyKey(for election: ElectionID) throws {
        let file = location(of: election)
        guard FileManager.default.fileExists(atPath: file) else { return }
        try writeDurably(Array(repeating: 0, count: 32), path: file, flags: O_WRONLY)
        guard unlink(file) == 0 else { throw failure(file, "unlink") }
        try syncFolder()
    }

    private func write(_ bytes: [UInt8], to file: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw BallotKeyError.keyStorageFailed(location: path, problem: "the folder cannot be created: \(error)")
        }
        let temporary = file + ".new"
        unlink(temporary)
        try writeDurably(bytes, path: temporary, flags: O_WRONLY | O_CREAT | O_EXCL)
        guard rename(temporary, file) == 0 else { throw failure(file, "rename") }
        try syncFolder()
    }

    private func writeDurably(_ bytes: [UInt8], path file: String, flags: Int32) throws {
        let descriptor = open(file, flags, 0o600)
        guard descriptor >= 0 else { throw failure(file, "open") }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw failure(file, "write") }
        guard fsync(descriptor) == 0 else { throw failure(file, "fsync") }
    }

    private func syncFolder() throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw failure(path, "open folder") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(path, "fsync folder") }
    }

    private func failure(_ location: String, _ operation: String) -> BallotKeyError {
        .keyStorageFailed(location: location, problem: "\(operation) failed: \(String(cString: strerror(errno)))")
    }
}
