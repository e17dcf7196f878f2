import EventStore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
@testable import Server
import Testing

/// A request that waited on another thread (as every durable view waits on the log writer's)
/// resumes on its connection's event loop, where its answer is written.
@Suite struct ConnectionLoopMiddlewareTests {
    /// An actor on a thread of its own, as the log writer is.
    actor Elsewhere {
        private nonisolated let executor = DedicatedThreadExecutor(name: "connection-loop-test")
        nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
        func visit() {}
    }

    @Test func aTaskPreferringALoopComesBackToItAfterWaitingElsewhere() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loop = group.next()
        let elsewhere = Elsewhere()
        let onLoop = await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
            await elsewhere.visit()
            return loop.inEventLoop
        }
        #expect(onLoop)
        try await group.shutdownGracefully()
    }

    @Test func aRequestsHandlerRunsOnItsConnectionsLoopAfterWaitingElsewhere() async throws {
        let elsewhere = Elsewhere()
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ConnectionLoopMiddleware())
        router.get("/where") { _, context in
            await elsewhere.visit()
            return "\(context.eventLoop.inEventLoop)"
        }
        try await Application(router: router).test(.live) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/where", method: .get) { response in
                    #expect(String(buffer: response.body) == "true")
                }
            }
        }
    }
}
