/// Why the privacy layer refused: each case names what is wrong and what to do.
public enum PrivacyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No master key was given but the data folder holds data keys.
    case masterKeyMissing(keysPath: String)
    /// The master key file is readable by others than its owner.
    case masterKeyFilePermissions(path: String, mode: UInt32)
    /// The master key file or variable could not be read or is not 64 hex digits.
    case masterKeyUnreadable(source: String, problem: String)
    /// The master key does not open the key database (another key, or it was rotated).
    case wrongMasterKey(keysPath: String)
    /// A stored data key does not unwrap: the key database is damaged.
    case keyDamaged(keyId: String)
    /// The subject was erased: no new personal data may be sealed for it.
    case subjectErased(owner: String)
    /// Compacting the key database after a destruction or rotation failed.
    case compactionFailed(keysPath: String, problem: String)
    /// The key database's lock file cannot be opened.
    case keysUnavailable(path: String, problem: String)
    /// Another process holds the key database (a running `harbour serve`, say).
    case keysInUse(keysPath: String)
    /// The key database has a format this build does not know.
    case unsupportedFormat(keysPath: String, found: UInt32)

    public var description: String {
        switch self {
        case .masterKeyMissing(let path):
            "no master key: \(path) holds data keys; set HARBOUR_MASTER_KEY_FILE to the key file (mode 0600) or HARBOUR_MASTER_KEY to its 64 hex digits"
        case .masterKeyFilePermissions(let path, let mode):
            "master key file \(path) has mode \(String(mode & 0o777, radix: 8)); it must be readable by its owner only (chmod 600 \(path))"
        case .masterKeyUnreadable(let source, let problem):
            "master key from \(source): \(problem)"
        case .wrongMasterKey(let path):
            "the master key does not open \(path): it is another key, or the key was rotated (use the key file the last rotation wrote); nothing was changed"
        case .keyDamaged(let keyId):
            "data key \(keyId) does not unwrap with the master key: the key database is damaged"
        case .subjectErased(let owner):
            "\(owner) was erased: no personal data can be recorded for it any more"
        case .compactionFailed(let path, let problem):
            "\(path) could not be compacted (\(problem)); the keys are destroyed, but restart to finish removing them from disk"
        case .keysUnavailable(let path, let problem):
            "\(path) cannot be opened: \(problem)"
        case .keysInUse(let path):
            "\(path) is in use by another Harbour process (is `harbour serve` running?): stop it, or do this from the web app"
        case .unsupportedFormat(let path, let found):
            "\(path) has key database format \(found); this build reads format \(KeyVault.formatVersion)"
        }
    }
}
