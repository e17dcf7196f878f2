import AgencyHistory
import EventStore
import Foundation
import HarbourTestSupport

/// What one run of the `harbour` binary produced.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the built `harbour` binary as an administrator would, in a temporary working folder.
struct Harbour {
    let folder: TemporaryDirectory

    /// The default data folder of these tests.
    var data: String { folder.child("data") }

    init() throws { folder = try TemporaryDirectory(prefix: "harbour-cli") }

    /// The master key every run gets unless a test overrides HARBOUR_MASTER_KEY.
    static let testMasterKey = String(repeating: "5a", count: 32)

    /// Runs `harbour ARGUMENTS` (with `--data` added unless `addData` is false), writing `input`
    /// to its standard input.
    @discardableResult
    func run(_ arguments: [String], addData: Bool = true, environment: [String: String] = [:], input: String = "") throws -> RunResult {
        let result = try start(arguments, addData: addData, environment: environment, input: input).waitUntilExit()
        return RunResult(
            status: result.status, stdout: String(decoding: result.standardOutput, as: UTF8.self),
            stderr: String(decoding: result.standardError, as: UTF8.self))
    }

    /// Starts `harbour ARGUMENTS` without waiting for it.
    func start(_ arguments: [String], addData: Bool = true, environment: [String: String] = [:], input: String = "") throws -> ChildProcess {
        var env = ProcessInfo.processInfo.environment
        env["HARBOUR_DATA"] = nil
        // A fixed test master key, so commands that seal (demo, serve, privacy) can open <data>/keys.
        env["HARBOUR_MASTER_KEY_FILE"] = nil
        env["HARBOUR_MASTER_KEY"] = Self.testMasterKey
        env.merge(environment) { $1 }
        return try ChildProcess(
            executable: try BuiltProducts.path(of: "harbour"),
            arguments: arguments + (addData ? ["--data", data] : []),
            environment: env, directory: folder.path, input: Data(input.utf8))
    }

    /// Writes a generated history of `count` events to `name` and returns its path.
    func generated(_ count: Int, seed: UInt64 = 1, name: String = "history.jsonl") throws -> String {
        let path = folder.child(name)
        let writer = try JSONLinesWriter(path: path)
        for event in AgencyHistory(seed: seed, count: count) { try writer.write(try EventLine(event).encoded()) }
        try writer.close()
        return path
    }

    /// Writes `lines` to `name` and returns its path.
    func file(_ name: String, lines: [String]) throws -> String {
        let path = folder.child(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The head position and last hash of the store in `path` (nil when it holds none).
    func head(of path: String? = nil) async throws -> (position: UInt64, hash: ChainHash?)? {
        let path = path ?? data
        guard FileManager.default.fileExists(atPath: path + "/data.mdb") else { return nil }
        let store = try EventStore.open(directory: path, create: false)
        let head = store.headPosition
        let hash = try head > 0 ? store.event(at: head)?.hash : nil
        await store.close()
        return (head, hash)
    }

    func remove() { folder.remove() }
}
