import EventStore
import Foundation
import LMDB

/// What a read by stream costs while the stream and category indexes lag the log by a full
/// tail: in this process (the writer's published tail), in another process (which scans the
/// tail in the log), and once the indexes have caught up.
struct TailReads {
    static let tailEvents = 4_000
    static let streams = 256
    static let reads = 2_000

    let workspace: Workspace

    func measure() async throws {
        let path = workspace.path("harbour-tail")
        let configuration = Self.configuration
        let store = try EventStore.open(directory: path, configuration: configuration)
        let events = try Workload.load(workspace.bigEvents).prefix(Self.tailEvents)
        for start in stride(from: 0, to: events.count, by: Self.streams) {
            let group = events[start..<min(start + Self.streams, events.count)].enumerated().map { offset, event in
                StreamAppend(stream: "bench-\(offset)", events: [event.proposal()])
            }
            for outcome in try await store.append(group) { _ = try outcome.get() }
        }
        say(String(format: "  read by stream, %d-event tail, this process: %.1f µs a read", Self.tailEvents, try Self.timeReads(store)))
        let child = try TailReadChild(executable: Self.executablePath, storePath: path)
        _ = try await store.append([events[0].proposal()], to: "bench-0")  // the child's open did not see this one
        say(String(format: "  read by stream, %d-event tail, another process: %@ µs a read", Self.tailEvents, try child.measure()))
        await store.close()  // catches the indexes up
        let reopened = try EventStore.open(directory: path, configuration: configuration, create: false)
        say(String(format: "  read by stream, indexes caught up: %.1f µs a read", try Self.timeReads(reopened)))
        await reopened.close()
    }

    /// The limit above the tail and a delay longer than the run: neither process's writer
    /// catches the indexes up until the parent closes.
    static var configuration: StoreConfiguration {
        let limits = StoreLimits(indexTailEventsMax: tailEvents + 96, indexDelayMilliseconds: 3_600_000)
        return StoreConfiguration(environment: EnvironmentConfiguration(mapSizeBytes: 1 << 30), limits: limits)
    }

    /// Mean microseconds of one `readStream` (about 16 events each) over many streams.
    static func timeReads(_ store: EventStore) throws -> Double {
        var events = 0
        let elapsed = try ContinuousClock().measure {
            for read in 0..<reads { events += try store.readStream("bench-\(read % streams)").count }
        }
        guard events >= reads else { throw BenchmarkError("reads by stream found \(events) events") }
        return elapsed.seconds * 1e6 / Double(reads)
    }

    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The child's side: opens the store, says it is ready, and times reads when told to.
    static func runChild(storePath: String) async throws -> Never {
        let store = try EventStore.open(directory: storePath, configuration: configuration, create: false)
        FileHandle.standardOutput.write(Data("ready\n".utf8))
        _ = readLine()
        FileHandle.standardOutput.write(Data(String(format: "%.1f\n", try timeReads(store)).utf8))
        exit(0)
    }
}

/// Another process reading the same store: `harbour-bench --tail-read-child PATH`.
private struct TailReadChild {
    let process = Process()
    let input = Pipe()
    let output = Pipe()

    init(executable: String, storePath: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--tail-read-child", storePath]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        guard readLine() == "ready" else { throw BenchmarkError("the tail-read child did not start") }
    }

    func measure() throws -> String {
        input.fileHandleForWriting.write(Data("go\n".utf8))
        let result = readLine()
        process.waitUntilExit()
        guard let result else { throw BenchmarkError("the tail-read child printed nothing") }
        return result
    }

    private func readLine() -> String? {
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
    }
}
