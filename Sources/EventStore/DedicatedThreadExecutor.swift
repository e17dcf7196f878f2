import Foundation

/// A serial executor backed by one OS thread of its own, for an actor that runs LMDB write
/// transactions (the append writer, the projection host).
///
/// A write transaction must begin and commit on one thread and blocks in fsync: keeping it off
/// Swift's cooperative pool (two threads on a 2-core machine) leaves that pool free for readers
/// and HTTP. The thread ends when the executor is released.
public final class DedicatedThreadExecutor: SerialExecutor, @unchecked Sendable {  // state lives in `queue`
    private let queue: JobQueue
    /// The executor's thread, known before `init` returns and never changed.
    private let thread: pthread_t

    /// Starts the thread, named `name` (as `top` and `perf` show it; Linux keeps its first 15
    /// bytes).
    public init(name: String) {
        let queue = JobQueue()
        self.queue = queue
        let started = ThreadStart()
        let thread = Thread { [queue] in
            nameCurrentThread(name)
            started.signal(pthread_self())
            queue.run()
        }
        thread.start()
        self.thread = started.wait()
    }

    deinit { queue.stop() }

    /// Queues `job` to run on the thread, after those queued before it.
    public func enqueue(_ job: consuming ExecutorJob) {
        queue.push(.job(UnownedJob(job), executor: self))
    }

    /// Runs `body` on the thread after the jobs queued before it, as a job of its own that is
    /// not a task: an actor on this executor can take work from a caller without the caller's
    /// task hopping onto the thread (and, when that work suspends the caller, without it
    /// coming back through the thread when it resumes).
    public func run(_ body: @escaping @Sendable () -> Void) {
        queue.push(.closure(body))
    }

    /// True on the executor's thread, where its jobs and ``run(_:)``'s bodies run: that is
    /// what lets an actor on this executor `assumeIsolated` inside such a body.
    public func isIsolatingCurrentContext() -> Bool? { isOnOwnThread }

    public func checkIsolated() {
        precondition(isOnOwnThread, "not on the thread of this DedicatedThreadExecutor")
    }

    private var isOnOwnThread: Bool { pthread_equal(pthread_self(), thread) != 0 }

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
    enum Entry {
        case job(UnownedJob, executor: DedicatedThreadExecutor)
        case closure(@Sendable () -> Void)
    }

    private let condition = NSCondition()
    /// Jobs before `next` have been taken; the array is emptied once all are.
    private var jobs: [Entry] = []
    private var next = 0
    private var isStopped = false

    func push(_ entry: Entry) {
        condition.lock()
        jobs.append(entry)
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
        while let entry = take() {
            switch entry {
            case .job(let job, let executor): job.runSynchronously(on: executor.asUnownedSerialExecutor())
            case .closure(let body): body()
            }
        }
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

/// Names the calling thread through `/proc/thread-self/comm`. Foundation's `Thread.name` never
/// reached the OS thread here (`perf` showed the writer as the pool thread that started it), and
/// Swift's Glibc module has no `pthread_setname_np`. The kernel keeps the first 15 bytes of a
/// longer name. A thread left unnamed only shows so in `top` and `perf`, so a failure is ignored.
private func nameCurrentThread(_ name: String) {
    let file = open("/proc/thread-self/comm", O_WRONLY)
    guard file >= 0 else { return }
    defer { close(file) }
    var bytes = Array(name.utf8)
    _ = write(file, &bytes, bytes.count)
}

/// Hands the new thread's identity to the initializer that started it.
private final class ThreadStart: @unchecked Sendable {  // `thread` is written before the signal, read after the wait
    private let semaphore = DispatchSemaphore(value: 0)
    private var thread: pthread_t?

    func signal(_ thread: pthread_t) {
        self.thread = thread
        semaphore.signal()
    }

    func wait() -> pthread_t {
        semaphore.wait()
        return thread!
    }
}
