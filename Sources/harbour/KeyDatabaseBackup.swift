import EventStore
import Events
import Privacy

/// The data keys (`<data>/keys`) in a backup and a restore. Without them every sealed
/// personal field of the copied log stays sealed for good.
enum KeyDatabaseBackup {
    /// Copies the key database of `dataFolder` into the backup `destination`, whose log copy
    /// `copiedLog` is already made: every key that log uses was durable before it was appended,
    /// so a key copy taken now holds it. Subjects whose erasure is in the log copy, or erased at
    /// the source by the end of the key copy, have no key in it. Returns the keys copied, or nil
    /// when the data folder holds no key database.
    static func backUp(_ dataFolder: String, to destination: String, copiedLog: EventStore) throws -> Int? {
        guard KeyRing.exists(inDataDirectory: dataFolder) else { return nil }
        let erased = try erasedSubjects(in: copiedLog)
        do {
            return try KeyRing.copyDatabase(fromDataDirectory: dataFolder, toDataDirectory: destination, purging: erased)
        } catch let error as PrivacyError {
            throw CommandFailure(.failure, "the data keys could not be copied: \(error)")
        }
    }

    /// Puts the key database of the backup `source` into `staging` (the restored data folder).
    /// Returns the keys restored, or nil when the backup holds none.
    static func restore(_ source: String, into staging: String) throws -> Int? {
        guard KeyRing.exists(inDataDirectory: source) else { return nil }
        do {
            return try KeyRing.copyDatabase(fromDataDirectory: source, toDataDirectory: staging, purging: [])
        } catch let error as PrivacyError {
            throw CommandFailure(.failure, "the data keys of \(source) could not be restored: \(error)")
        }
    }

    /// The data subjects (client streams) whose erasure `store` records.
    private static func erasedSubjects(in store: EventStore) throws -> Set<String> {
        var subjects = Set<String>()
        try store.scan { record in
            if record.eventType == PersonalDataErased.eventType { subjects.insert(record.streamId) }
            return true
        }
        return subjects
    }
}
