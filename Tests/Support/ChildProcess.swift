public import Foundation
import Synchronization

/// A child process started with `posix_spawn`, its standard output and error drained by threads
/// of their own.
///
/// Not Foundation's `Process`: on Linux its `run()` (swift-corelibs-foundation through Swift
/// 6.3.1) copies the whole 256-byte `d_name` of each `/proc/self/fd` entry and now and then reads
/// past glibc's buffer into an unmapped page (swiftlang/swift-corelibs-foundation#5472). This suite
/// starts hundreds of children and crashed that way in two of three full runs on a loaded machine.
public final class ChildProcess: Sendable {
    /// What a finished child produced.
    public struct Result: Sendable {
        /// The exit code, or 128 + the signal's number when a signal ended it (as shells say).
        public let status: Int32
        public let standardOutput: Data
        public let standardError: Data
    }

    public let processIdentifier: pid_t
    private let output: PipeDrain
    private let errors: PipeDrain

    /// Starts `executable` with `arguments` and `environment` (the whole environment, not
    /// additions) in `directory`, writes `input` to its standard input and closes it.
    public init(
        executable: String, arguments: [String], environment: [String: String]? = nil,
        directory: String? = nil, input: Data = Data()
    ) throws {
        let stdin = try PipePair()
        let stdout = try PipePair()
        let stderr = try PipePair()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.write, 2)
        try SpawnExtensions.closeFrom(3, in: &actions)
        if let directory { try SpawnExtensions.changeDirectory(to: directory, in: &actions) }
        let environment = environment ?? ProcessInfo.processInfo.environment
        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment.map { "\($0.key)=\($0.value)" })
        var pid: pid_t = 0
        // The strings are freed with their arrays: keep those alive until the spawn has copied them.
        let failure = withExtendedLifetime((argv, envp)) {
            posix_spawn(&pid, executable, &actions, nil, argv.pointers, envp.pointers)
        }
        for fd in [stdin.read, stdout.write, stderr.write] { close(fd) }
        guard failure == 0 else {
            for fd in [stdin.write, stdout.read, stderr.read] { close(fd) }
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
        processIdentifier = pid
        output = PipeDrain(fd: stdout.read)
        errors = PipeDrain(fd: stderr.read)
        let handle = FileHandle(fileDescriptor: stdin.write, closeOnDealloc: true)
        if !input.isEmpty {
            _ = Self.ignoreBrokenPipes
            try? handle.write(contentsOf: input)  // a child may exit without reading it
        }
        try handle.close()
    }

    /// A child that exits before reading its input must fail the write, not kill the tests.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Runs the child to its end and returns what it wrote.
    public static func run(
        executable: String, arguments: [String], environment: [String: String]? = nil,
        directory: String? = nil, input: Data = Data()
    ) throws -> Result {
        try ChildProcess(executable: executable, arguments: arguments, environment: environment, directory: directory, input: input)
            .waitUntilExit()
    }

    /// Sends `signal` to the child.
    public func kill(_ signal: Int32) { _ = Glibc.kill(processIdentifier, signal) }

    /// Waits for the child to end and for its output pipes to close.
    public func waitUntilExit() -> Result {
        var status: Int32 = 0
        while waitpid(processIdentifier, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return Result(status: code, standardOutput: output.contents(), standardError: errors.contents())
    }
}

/// One pipe, both ends close-on-exec. (Children spawned here close every descriptor past the
/// three they are given anyway; this keeps the ends out of anything else that execs.)
private struct PipePair {
    let read: Int32
    let write: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        read = fds[0]
        write = fds[1]
    }
}

/// Reads a pipe to its end on a thread of its own, so a chatty child never blocks on a full pipe.
private final class PipeDrain: Sendable {
    private let received = Mutex(Data())
    private let finished = DispatchSemaphore(value: 0)

    init(fd: Int32) {
        Thread { [self] in drain(fd) }.start()
    }

    private func drain(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                received.withLock { $0.append(contentsOf: buffer[0..<count]) }
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(fd)
        finished.signal()
    }

    /// Everything the pipe carried, once its writer has closed it.
    func contents() -> Data {
        finished.wait()
        finished.signal()
        return received.withLock { $0 }
    }
}

/// NUL-terminated C strings for `posix_spawn`, freed with the array.
private final class CStringArray {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) { pointers = strings.map { strdup($0) } + [nil] }

    deinit { for pointer in pointers { free(pointer) } }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34) and `…_addchdir_np` (2.29), which
/// Swift's Glibc module does not import (they are declared under `__USE_GNU`).
private enum SpawnExtensions {
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    static func closeFrom(_ fd: Int32, in actions: inout posix_spawn_file_actions_t) throws {
        let function = unsafeBitCast(try symbol("posix_spawn_file_actions_addclosefrom_np"), to: CloseFrom.self)
        try check(function(&actions, fd))
    }

    static func changeDirectory(to path: String, in actions: inout posix_spawn_file_actions_t) throws {
        let function = unsafeBitCast(try symbol("posix_spawn_file_actions_addchdir_np"), to: ChangeDirectory.self)
        try check(path.withCString { function(&actions, $0) })
    }

    private static func symbol(_ name: String) throws -> UnsafeMutableRawPointer {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { throw POSIXError(.ENOSYS) }
        return address
    }

    private static func check(_ result: Int32) throws {
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
    }
}
