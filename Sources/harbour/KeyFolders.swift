import Foundation

/// Folders of a data folder that are not the log but must travel with it in a backup: the
/// ballot keys of elections still open, without which their sealed ballots cannot be tallied.
enum KeyFolders {
    static let names = ["ballot-keys"]

    /// Key files by folder name then file name.
    typealias Snapshot = [String: [String: Data]]

    /// The key files of `source` now.
    static func snapshot(of source: String) -> Snapshot {
        var snapshot: Snapshot = [:]
        for name in names {
            let folder = (source as NSString).appendingPathComponent(name)
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for entry in entries where entry.hasSuffix(".key") {
                snapshot[name, default: [:]][entry] = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(entry))
            }
        }
        return snapshot
    }

    /// Copies each key folder of `source` into `destination` (owner-only). The backup takes
    /// one snapshot before and one after the log is copied and writes both, so a key made or
    /// destroyed while the copy ran is still there whenever the copied log needs it.
    static func write(_ snapshots: [Snapshot], to destination: String) throws {
        let files = FileManager.default
        for snapshot in snapshots {
            for (name, keys) in snapshot {
                let folder = (destination as NSString).appendingPathComponent(name)
                try files.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                for (entry, bytes) in keys {
                    let target = (folder as NSString).appendingPathComponent(entry)
                    guard files.fileExists(atPath: target) || files.createFile(atPath: target, contents: bytes, attributes: [.posixPermissions: 0o600])
                    else { throw CommandFailure(.failure, "could not write \(target)") }
                }
            }
        }
    }
}
