// A child process for the crash-safety test: appends batches from four concurrent tasks
// until it is killed, printing one line per acknowledged append:
//
//     ACK <batch-id> <stream> <position>,<position>,...
//
// Each event's payload names its batch and the batch size, so the parent can check that no
// batch is partial after a SIGKILL. Usage: CrashAppender DATA_DIR SEED
//
// `CrashAppender read DATA_DIR STREAM CATEGORY` is the other process of the unindexed-tail
// test: it prints the stream's versions and the category's positions, then closes the store.
//
// `CrashAppender unindexed DATA_DIR STREAM EVENT_ID...` appends one event per id to STREAM
// (``tailEvent(_:)``: content fixed by the id), prints their positions and exits without
// closing the store, leaving the events in the unindexed tail as a crash would.
// `CrashAppender lookup DATA_DIR EVENT_ID...` prints each id's position ("none" when absent),
// then closes the store.
import EventStore
import Foundation

let arguments = CommandLine.arguments

/// The event the tail tests append for `id`: every field fixed, so a retry matches it.
func tailEvent(_ id: UUID) -> ProposedEvent {
    ProposedEvent(
        eventId: id, eventType: "TailTested", occurredAt: Timestamp(microsecondsSinceEpoch: 1_700_000_000_000_000),
        actor: "crash-appender", payload: Array("tail \(id.uuidString)".utf8))
}

if arguments.count >= 5, arguments[1] == "unindexed" {
    let limits = StoreLimits(indexTailEventsMax: 1_000_000, indexDelayMilliseconds: 600_000)
    let store = try EventStore.open(directory: arguments[2], configuration: StoreConfiguration(limits: limits))
    let events = arguments[4...].map { tailEvent(UUID(uuidString: $0)!) }
    let result = try await store.append(events, to: arguments[3])
    print(result.positions.map(String.init).joined(separator: ","))
    exit(0)  // without close: the catch-up never runs
}
if arguments.count >= 4, arguments[1] == "lookup" {
    let store = try EventStore.open(directory: arguments[2], create: false)
    for id in arguments[3...] {
        print(try store.position(ofEvent: UUID(uuidString: id)!).map(String.init) ?? "none")
    }
    await store.close()
    exit(0)
}
if arguments.count == 5, arguments[1] == "read" {
    let store = try EventStore.open(directory: arguments[2], create: false)
    let versions = try store.readStream(arguments[3]).map { String($0.streamVersion) }
    let positions = try store.readCategory(arguments[4], limit: .max).map { String($0.position) }
    print("stream \(arguments[3]) \(versions.joined(separator: ","))")
    print("category \(arguments[4]) \(positions.joined(separator: ","))")
    await store.close()
    exit(0)
}
guard arguments.count == 3, let seed = UInt64(arguments[2]) else {
    let usage = "usage: CrashAppender DATA_DIR SEED | read DATA_DIR STREAM CATEGORY | unindexed DATA_DIR STREAM ID... | lookup DATA_DIR ID...\n"
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
let store = try EventStore.open(directory: arguments[1])

try await withThrowingTaskGroup(of: Void.self) { group in
    for worker in 0..<4 {
        group.addTask {
            var state = seed &* 6_364_136_223_846_793_005 &+ UInt64(worker)
            for batch in 0... {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let count = Int(state >> 60) % 8 + 1
                let batchId = "\(seed)-\(worker)-\(batch)"
                let stream = "client-\(Int(state >> 40) % 6)"
                let events = (0..<count).map { index in
                    ProposedEvent(eventType: "CrashTested", actor: "crash-appender",
                                  payload: Array("batch=\(batchId) index=\(index) count=\(count)".utf8))
                }
                let result = try await store.append(events, to: stream)
                let positions = result.positions.map(String.init).joined(separator: ",")
                // One write per line: lines under PIPE_BUF reach the pipe whole.
                FileHandle.standardOutput.write(Data("ACK \(batchId) \(stream) \(positions)\n".utf8))
            }
        }
    }
    try await group.waitForAll()
}
