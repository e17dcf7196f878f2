import Hummingbird

/// Runs each request's handlers on its connection's event loop (``EventLoopTaskExecutor``),
/// so a request that waited for the log writer resumes where its answer is written.
///
/// Only for a server whose Swift concurrency runs on the event loops
/// (``runConcurrencyOnEventLoops()``, `harbour serve`): elsewhere handlers belong on
/// concurrency's own pool, and a loop that a test drives by hand would never run them.
struct ConnectionLoopMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        try await withTaskExecutorPreference(EventLoopTaskExecutor(context.eventLoop)) {
            try await next(request, context)
        }
    }
}
