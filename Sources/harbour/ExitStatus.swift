import Foundation

/// The exit statuses `harbour` documents (root `--help` and docs/cli.md).
enum ExitStatus: Int32, CaseIterable {
    case ok = 0
    case failure = 1
    case usage = 2
    case verificationFailed = 3
    case invalidInput = 4
    case dataFolder = 5

    var meaning: String {
        switch self {
        case .ok: "success"
        case .failure: "failure (storage, file or domain error; the message says which)"
        case .usage: "usage error: unknown option, missing or malformed argument"
        case .verificationFailed: "the hash chain is broken (verify, backup, restore): the first bad position is named"
        case .invalidInput: "the input file has bad lines; nothing was imported"
        case .dataFolder: "the data folder is missing, is not a Harbour store, or already holds one"
        }
    }

    /// The table printed in the root command's help.
    static var table: String {
        "Exit status:\n" + allCases.map { "  \($0.rawValue)  \($0.meaning)" }.joined(separator: "\n")
    }
}

/// A command's failure: one line for stderr and the status to exit with.
struct CommandFailure: Error {
    let status: ExitStatus
    let message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}
