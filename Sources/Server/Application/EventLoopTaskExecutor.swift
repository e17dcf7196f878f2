import NIOCore

/// One event loop as a Swift task executor, so a request's task prefers the loop its
/// connection lives on. Without a preference, a task that waited on the log writer's thread
/// resumes on whichever loop the global executor picks next (round robin from a thread that
/// is not a loop), and half the time its answer then hops back to the connection's loop to be
/// written: a second wake-up and thread switch for every durable view.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
