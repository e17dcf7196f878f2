import EventStore
import Foundation
import Testing

@Suite("Dedicated thread executor")
struct DedicatedThreadExecutorTests {
    /// An actor on a thread of its own that takes work through ``DedicatedThreadExecutor/run(_:)``,
    /// as the append writer does.
    actor Recorder {
        nonisolated let executor = DedicatedThreadExecutor(name: "executor-test")
        nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
        private(set) var entries: [String] = []

        func record(_ entry: String) { entries.append(entry) }

        /// Records `entry` from a plain job on the executor's thread; the caller's task never hops there.
        nonisolated func recordFromPlainJob(_ entry: String) async {
            await withCheckedContinuation { continuation in
                executor.run {
                    self.assumeIsolated { $0.record(entry) }
                    continuation.resume()
                }
            }
        }
    }

    @Test("a plain job runs on the thread, isolated to the actor, in order with the actor's own jobs")
    func plainJobsShareTheActorsOrder() async {
        let recorder = Recorder()
        for index in 0..<50 {
            if index.isMultiple(of: 2) {
                await recorder.record("\(index)")
            } else {
                await recorder.recordFromPlainJob("\(index)")
            }
        }
        #expect(await recorder.entries == (0..<50).map(String.init))
    }

    @Test("only the executor's own thread counts as isolated to it")
    func isolationIsTheThread() async {
        let executor = DedicatedThreadExecutor(name: "executor-test")
        #expect(executor.isIsolatingCurrentContext() == false)
        let onThread = await withCheckedContinuation { continuation in
            executor.run { continuation.resume(returning: executor.isIsolatingCurrentContext()) }
        }
        #expect(onThread == true)
    }

    @Test("the thread carries its name as the OS sees it, cut to what Linux keeps")
    func theThreadIsNamed() async {
        for (name, expected) in [("log-writer", "log-writer"), ("a-name-longer-than-fifteen", "a-name-longer-t")] {
            let executor = DedicatedThreadExecutor(name: name)
            let seen = await withCheckedContinuation { continuation in
                executor.run {
                    let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
                    continuation.resume(returning: comm.trimmingCharacters(in: .newlines))
                }
            }
            #expect(seen == expected)
        }
    }
}
