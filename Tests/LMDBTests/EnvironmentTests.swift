import Foundation
import HarbourTestSupport
import LMDB
import Testing

@Suite("LMDB environment")
struct EnvironmentTests {
    private func withEnvironment<R>(
        _ configuration: EnvironmentConfiguration = .init(), _ body: (Environment, Database) throws -> R
    ) throws -> R {
        let directory = try TemporaryDirectory(prefix: "lmdb-test")
        defer { directory.remove() }
        let environment = try Environment(path: directory.path, configuration: configuration)
        defer { environment.close() }
        return try body(environment, try environment.openDatabase(named: "things"))
    }

    @Test("with the meta page's sync deferred, every commit is read back after the environment is closed and reopened")
    func metaSyncDeferred() throws {
        let directory = try TemporaryDirectory(prefix: "lmdb-test")
        defer { directory.remove() }
        let configuration = EnvironmentConfiguration(metaSyncDeferred: true)
        var environment = try Environment(path: directory.path, configuration: configuration)
        var things = try environment.openDatabase(named: "things")
        for value in 1...3 as ClosedRange<UInt64> {
            try environment.write { try $0.put(things, key: BigEndian.bytes(value), value: Array("v\(value)".utf8)) }
        }
        environment.close()
        environment = try Environment(path: directory.path, configuration: configuration)
        defer { environment.close() }
        things = try environment.openDatabase(named: "things")
        let values = try environment.read { transaction in
            try (1...3 as ClosedRange<UInt64>).map { try transaction.get(things, key: BigEndian.bytes($0)).map { String(decoding: $0, as: UTF8.self) } }
        }
        #expect(values == ["v1", "v2", "v3"])
    }

    @Test("a write with its meta sync deferred commits, and the next write is durable again, even after a failed one")
    func oneWriteDefersMetaSync() throws {
        try withEnvironment { environment, things in
            try environment.write(metaSync: .deferred) { try $0.put(things, key: Array("a".utf8), value: Array("1".utf8)) }
            #expect(!environment.defersMetaSync)
            #expect(throws: LMDBError.self) {
                try environment.write(metaSync: .deferred) { transaction in
                    try transaction.put(things, key: Array("b".utf8), value: Array("2".utf8))
                    try transaction.put(things, key: [UInt8](repeating: 1, count: 4_096), value: [])  // key too long
                }
            }
            #expect(!environment.defersMetaSync)
            let values = try environment.read { transaction in
                [try transaction.get(things, key: Array("a".utf8)).map(Array.init), try transaction.get(things, key: Array("b".utf8)).map(Array.init)]
            }
            #expect(values == [Array("1".utf8), nil])
        }
        try withEnvironment(EnvironmentConfiguration(metaSyncDeferred: true)) { environment, things in
            try environment.write(metaSync: .deferred) { try $0.put(things, key: Array("a".utf8), value: Array("1".utf8)) }
            try environment.write { try $0.put(things, key: Array("b".utf8), value: Array("2".utf8)) }
            #expect(environment.defersMetaSync)
        }
    }

    @Test("writes commit on return and are read back; cursors walk in key order")
    func putGetCursor() throws {
        try withEnvironment { environment, things in
            try environment.write { transaction in
                for value in [3, 1, 2] as [UInt64] {
                    try transaction.put(things, key: BigEndian.bytes(value), value: Array("v\(value)".utf8))
                }
            }
            let values = try environment.read { transaction in
                try transaction.withCursor(things) { cursor in
                    var values: [String] = []
                    var entry = try cursor.first()
                    while let current = entry {
                        values.append(String(decoding: current.value, as: UTF8.self))
                        entry = try cursor.next()
                    }
                    return values
                }
            }
            #expect(values == ["v1", "v2", "v3"])
            let two = try environment.read { try $0.get(things, key: BigEndian.bytes(2)).map { Array($0) } }
            #expect(two == Array("v2".utf8))
        }
    }

    @Test("a write whose body throws leaves nothing behind")
    func abortOnThrow() throws {
        struct Refused: Error {}
        try withEnvironment { environment, things in
            #expect(throws: Refused.self) {
                try environment.write { transaction in
                    try transaction.put(things, key: [1], value: [1])
                    throw Refused()
                }
            }
            let observed1 = try environment.read { try $0.get(things, key: [1]) }
            #expect(observed1 == nil)
        }
    }

    @Test("no-overwrite puts report the existing key")
    func keyExists() throws {
        try withEnvironment { environment, things in
            try environment.write { transaction in
                let first = try transaction.insert(things, key: [7], value: [1])
                let second = try transaction.insert(things, key: [7], value: [2])
                #expect(first)
                #expect(second == false)
                #expect(throws: LMDBError(code: .keyExists, operation: "mdb_put(things)")) {
                    try transaction.put(things, key: [7], value: [3], flags: .noOverwrite)
                }
            }
            let observed2 = try environment.read { try $0.get(things, key: [7]).map { Array($0) } }
            #expect(observed2 == [1])
        }
    }

    @Test("errors carry the operation and LMDB's message")
    func errorText() {
        let error = LMDBError(code: .mapFull, operation: "mdb_put(log)")
        #expect(error.description.contains("mdb_put(log)"))
        #expect(error.description.contains("MDB_MAP_FULL"))
        #expect(LMDBError.mapFull ~= error)
    }

    @Test("the map grows on MDB_MAP_FULL while readers run, keeping every write")
    func growthWithReaders() async throws {
        let configuration = EnvironmentConfiguration(mapSizeBytes: 1 << 20, mapSizeBytesMax: 256 << 20)
        let directory = try TemporaryDirectory(prefix: "lmdb-test")
        defer { directory.remove() }
        let environment = try Environment(path: directory.path, configuration: configuration)
        defer { environment.close() }
        let things = try environment.openDatabase(named: "things")
        let value = [UInt8](repeating: 0xAB, count: 4_000)
        let stop = ManagedFlag()
        let started = DispatchSemaphore(value: 0)
        let readers = (0..<2).map { _ in
            Thread.detachedResult {
                var reads = 0
                while !stop.isSet {
                    if reads == 1 { started.signal() }
                    try environment.read { transaction in
                        // Every value a reader sees is whole: no pointer went stale under it.
                        if let stored = try transaction.get(things, key: BigEndian.bytes(1)) {
                            guard stored.elementsEqual(value) else { throw LMDBError(code: .corrupted, operation: "reader") }
                        }
                    }
                    reads += 1
                }
                return reads
            }
        }
        started.wait()
        started.wait()
        for key in 1...3_000 as ClosedRange<UInt64> {
            try environment.write { try $0.put(things, key: BigEndian.bytes(key), value: value) }
        }
        stop.set()
        for reader in readers { #expect(try await reader.value > 1) }
        let observed3 = try environment.info()
        #expect(observed3.mapSizeBytes > 1 << 20)
        let observed4 = try environment.read { try $0.count(things) }
        #expect(observed4 == 3_000)
    }

    @Test("at mapSizeBytesMax a write fails clearly and earlier commits survive")
    func mapSizeLimit() throws {
        let configuration = EnvironmentConfiguration(mapSizeBytes: 1 << 20, mapSizeBytesMax: 2 << 20)
        try withEnvironment(configuration) { environment, things in
            let value = [UInt8](repeating: 1, count: 100_000)
            var committed: UInt64 = 0
            do {
                for key in 1...100 as ClosedRange<UInt64> {
                    try environment.write { try $0.put(things, key: BigEndian.bytes(key), value: value) }
                    committed = key
                }
                Issue.record("expected the map to fill")
            } catch let error as LMDBError {
                #expect(error.code == .mapFull)
                #expect(error.message.contains("mapSizeBytesMax"))
            }
            #expect(committed > 0)
            let observed5 = try environment.read { try $0.count(things) }
            #expect(observed5 == Int(committed))
        }
    }

    @Test("the reader table has a limit, and hitting it is a clear error")
    func readersFull() async throws {
        try withEnvironment(EnvironmentConfiguration(readersMax: 2)) { environment, _ in
            let release = DispatchSemaphore(value: 0)
            let entered = DispatchSemaphore(value: 0)
            let holders = (0..<2).map { _ in
                Thread.detachedResult {
                    try environment.read { _ in
                        entered.signal()
                        release.wait()
                    }
                }
            }
            entered.wait()
            entered.wait()
            #expect(throws: LMDBError(code: .readersFull, operation: "mdb_txn_begin")) {
                try environment.read { _ in }
            }
            release.signal()
            release.signal()
            _ = holders
            Thread.sleep(forTimeInterval: 0.05)
            try environment.read { _ in }
        }
    }

    @Test("calls on a closed environment fail with environmentClosed")
    func closed() throws {
        let directory = try TemporaryDirectory(prefix: "lmdb-test")
        defer { directory.remove() }
        let environment = try Environment(path: directory.path)
        environment.close()
        #expect(throws: LMDBError(code: .environmentClosed, operation: "read", message: "the environment is closed")) {
            try environment.read { _ in }
        }
    }
}

/// A flag set once from one thread and read from others.
final class ManagedFlag: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

extension Thread {
    /// Starts `body` on a new OS thread at once (not on Swift's cooperative pool); the task
    /// returns its result.
    static func detachedResult<R: Sendable>(_ body: @escaping @Sendable () throws -> R) -> Task<R, any Error> {
        let result = ResultBox<R>()
        let thread = Thread {
            result.set(Result { try body() })
        }
        thread.start()
        return Task { try await result.value() }
    }
}

/// A result filled in once by a thread and awaited by a task.
final class ResultBox<R: Sendable>: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var result: Result<R, any Error>?
    private var waiter: CheckedContinuation<R, any Error>?

    func set(_ value: Result<R, any Error>) {
        let waiting: CheckedContinuation<R, any Error>? = lock.withLock {
            result = value
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume(with: value)
    }

    func value() async throws -> R {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<R, any Error>? = lock.withLock {
                if result == nil { waiter = continuation }
                return result
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
