public import EventStore
public import Foundation

/// Hash-chain verification run in the background: walking a million-event log takes seconds,
/// so a request only starts a run or reads the last result, never waits for one.
public actor ChainVerification {
    /// Where verification stands.
    public struct Status: Sendable, Codable, Equatable {
        /// `never` (not run since the server started), `running`, `intact`, `broken` or `failed`.
        public let state: String
        /// When the last run started.
        public let startedAt: Date?
        /// When it finished.
        public let finishedAt: Date?
        /// Records checked by the last finished run.
        public let eventsChecked: UInt64?
        /// The log's head when it ran.
        public let headPosition: UInt64?
        /// The first bad position, when the chain is broken.
        public let firstBadPosition: UInt64?
        /// Why it is bad, or why the run failed.
        public let problem: String?

        static let never = Status(
            state: "never", startedAt: nil, finishedAt: nil, eventsChecked: nil, headPosition: nil, firstBadPosition: nil, problem: nil)
    }

    let store: EventStore
    /// The current status.
    public private(set) var status = Status.never

    /// Verification of `store`'s chain.
    public init(store: EventStore) { self.store = store }

    /// Starts a run unless one is running; returns the status right after.
    @discardableResult
    public func start() -> Status {
        guard status.state != "running" else { return status }
        let startedAt = Date()
        status = Status(
            state: "running", startedAt: startedAt, finishedAt: nil, eventsChecked: status.eventsChecked,
            headPosition: store.headPosition, firstBadPosition: nil, problem: nil)
        let store = self.store
        // A real thread: the walk is a synchronous CPU and I/O loop that would otherwise hold
        // one of the two cooperative threads serving requests for seconds.
        let thread = Thread {
            let outcome = Result { try store.verify() }
            Task { await self.finish(outcome, startedAt: startedAt) }
        }
        thread.name = "harbour-verify"
        thread.start()
        return status
    }

    /// Waits until no run is going (for tests and the CLI), polling every 10 ms.
    public func waitUntilIdle() async throws {
        while status.state == "running" { try await Task.sleep(for: .milliseconds(10)) }
    }

    private func finish(_ outcome: Result<VerificationReport, any Error>, startedAt: Date) {
        switch outcome {
        case .success(let report):
            status = Status(
                state: report.firstProblem == nil ? "intact" : "broken", startedAt: startedAt, finishedAt: Date(),
                eventsChecked: report.eventsChecked, headPosition: report.headPosition,
                firstBadPosition: report.firstProblem?.position, problem: report.firstProblem?.reason)
        case .failure(let error):
            status = Status(
                state: "failed", startedAt: startedAt, finishedAt: Date(), eventsChecked: nil, headPosition: nil, firstBadPosition: nil,
                problem: String(describing: error))
        }
    }
}
