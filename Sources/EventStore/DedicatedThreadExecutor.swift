import Foundation

/// A serial executor backed by one OS thread of its own, for an actor that runs LMDB write
/// transactions (the append writer, the projection host).
///
/// A write transaction must begin and commit on one thread and blocks in fsync: keeping it off
/// Swift's cooperative pool (two threads on a 2-core machine) leaves that pool free for readers
/// and HTTP. The thread ends when the executor is released.
public final class DedicatedThreadExecutor: SerialExecutor, @unchecked Sendable {  // state lives in `queue`
    private let queue: JobQueue

    /// Starts the thread, named `name` (as `top` and `perf` show it).
    public init(name: String) {
        let queue = JobQueue()
        self.queue = queue
        let thread = Thread { [queue] in queue.run() }
        thread.name = name
        thread.start()
    }

    deinit { queue.stop() }

    /// Queues `job` to run on the thread, after those queued before it.
    public func enqueue(_ job: consuming ExecutorJob) {
        queue.push(UnownedJob(job), executor: self)
    }

    /// True when jobs are waiting to run after the current one: an actor on this executor can
    /// tell that requests have queued up behind the job it is running.
    public var hasQueuedJobs: Bool { queue.hasQueuedJobs }

    /// This executor, for an actor's `unownedExecutor`.
    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}

/// The jobs waiting for the executor's thread. The thread holds this, not the executor, so
/// releasing the executor lets the thread finish. Each queued job holds its executor until it
/// has run: the job may drop the last reference to the actor (and so to the executor), and
/// the runtime still uses the executor when the job returns.
private final class JobQueue: @unchecked Sendable {  // every field is guarded by `condition`
    private typealias Entry = (job: UnownedJob, executor: DedicatedThreadExecutor)
    private let condition = NSCondition()
    /// Jobs before `next` have been taken; the array is emptied once all are.
    private var jobs: [Entry] = []
    private var next = 0
    private var isStopped = false

    func push(_ job: UnownedJob, executor: DedicatedThreadExecutor) {
        condition.lock()
        jobs.append((job, executor))
        condition.signal()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        isStopped = true
        condition.signal()
        condition.unlock()
    }

    var hasQueuedJobs: Bool {
        condition.lock()
        defer { condition.unlock() }
        return next < jobs.count
    }

    func run() {
        while let entry = take() { entry.job.runSynchronously(on: entry.executor.asUnownedSerialExecutor()) }
    }

    /// The next job, one at a time so ``hasQueuedJobs`` sees the ones not yet run; nil once stopped.
    private func take() -> Entry? {
        condition.lock()
        defer { condition.unlock() }
        while next == jobs.count && !isStopped { condition.wait() }
        guard next < jobs.count else { return nil }
        let entry = jobs[next]
        next += 1
        if next == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            next = 0
        }
        return entry
    }
}
