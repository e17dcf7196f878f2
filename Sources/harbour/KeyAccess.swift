import Foundation
import Privacy

/// Opening the data folder's key database with the master key the environment names.
enum KeyAccess {
    /// The key ring of `dataFolder`, opened with the master key from HARBOUR_MASTER_KEY_FILE or
    /// HARBOUR_MASTER_KEY. A missing, loose or wrong key is one line and exit status 2, and
    /// nothing in the folder is changed.
    static func keyRing(dataFolder: String) throws -> KeyRing {
        do {
            let master = try MasterKey.fromEnvironment(ProcessInfo.processInfo.environment)
            guard let master else {
                throw CommandFailure(
                    .usage,
                    "no master key: set \(MasterKey.fileVariable) to a key file (mode 0600; `harbour privacy new-master-key --file PATH` makes one) or \(MasterKey.valueVariable) to its 64 hex digits")
            }
            return try KeyRing.open(dataDirectory: dataFolder, master: master)
        } catch let error as PrivacyError {
            throw CommandFailure(.usage, error.description)
        }
    }
}
