import Foundation
import Glibc
import LMDB

extension KeyVault {
    /// Copies the key database at `source` into the new folder `destination` while another
    /// process may be writing it, then shreds in the copy every key of an owner in `purging` or
    /// erased in the source by the time the copy is done, and compacts the copy. No master key
    /// is needed: keys stay wrapped. Returns how many keys the copy holds.
    ///
    /// The copy is one consistent snapshot taken after the caller's log copy, so every key the
    /// copied log uses is in it (keys are durable before the log append that first uses them).
    /// An erasure that lands while the copy runs is shredded from it afterwards.
    static func copy(from source: String, to destination: String, purging: Set<String>) throws -> Int {
        guard exists(at: source) else { throw PrivacyError.keysUnavailable(path: source, problem: "holds no key database") }
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let erasedAtSource: Set<String>
        do {
            let environment = try Environment(path: source)
            defer { environment.close() }
            try environment.copy(to: destination, compact: true)
            // A second snapshot, later than the copy's: erasures committed meanwhile show here.
            erasedAtSource = try environment.read { txn in
                guard let erased = try txn.openExistingDatabase(named: "erased") else { return [] }
                return try erasedOwners(txn, erased)
            }
        }
        let held = try shredCopy(at: destination, owners: purging.union(erasedAtSource))
        _ = chmod(destination + "/data.mdb", 0o600)
        try? FileManager.default.removeItem(atPath: destination + "/lock.mdb")
        return held
    }

    /// Shreds the keys of `owners` in the copy at `directory` and compacts it when any were
    /// there. Returns the keys left.
    private static func shredCopy(at directory: String, owners: Set<String>) throws -> Int {
        let environment = try Environment(path: directory)
        let (keys, erased, _) = try databases(of: environment)
        let (doomed, left) = try environment.write { txn in
            let all = try records(txn, keys)
            let doomed = all.filter { owners.contains($0.record.owner) }
            let recorded = try erasedOwners(txn, erased)
            try shred(doomed, owners: owners.subtracting(recorded), txn: txn, keys: keys, erased: erased)
            return (doomed.count, all.count - doomed.count)
        }
        if doomed > 0 {
            try replaceWithCompactCopy(environment, directory: directory)
        } else {
            environment.close()
        }
        return left
    }
}
