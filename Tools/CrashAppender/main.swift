// A child process for the crash-safety test: appends batches from four concurrent tasks
// until it is killed, printing one line per acknowledged append:
//
//     ACK <batch-id> <stream> <position>,<position>,...
//
// Each event's payload names its batch and the batch size, so the parent can check that no
// batch is partial after a SIGKILL. Usage: CrashAppender DATA_DIR SEED
import EventStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3, let seed = UInt64(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: CrashAppender DATA_DIR SEED\n".utf8))
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
