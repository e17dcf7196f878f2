import NIOCore
import NIOPosix
import Synchronization

/// Runs Swift concurrency's jobs on the server's event loops (NIO's singleton group, which
/// Hummingbird serves on) instead of a pool of threads of their own. On two cores the pool's
/// two threads and the two event loops took turns on every request: the request read on a
/// loop, handled on a pool thread, its answer written on the loop again, each a thread
/// switch and a wake-up. On the loops a request is read, handled and answered on one thread
/// wherever it does not wait for another (the log writer and the read models keep threads of
/// their own; bcrypt runs on Dispatch's queues).
///
/// Call it once, first thing in the process that serves, before any task is started.
/// - Returns: false when the hook could not be installed (concurrency keeps its own pool).
@discardableResult
public func runConcurrencyOnEventLoops() -> Bool {
    let installed = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    if installed { concurrencyOnEventLoops.store(true, ordering: .relaxed) }
    return installed
}

/// Whether ``runConcurrencyOnEventLoops()`` installed the loops as the global executor.
var concurrencyRunsOnEventLoops: Bool { concurrencyOnEventLoops.load(ordering: .relaxed) }

private let concurrencyOnEventLoops = Atomic<Bool>(false)
