import Synchronization

/// The writer's ``UnindexedTail``, shared with readers in this process.
///
/// The writer adds a commit's runs right after `mdb_txn_commit` returns and clears them after
/// the index catch-up commits, from its own thread and without awaiting, so a `Mutex` guards
/// it. A reader's snapshot may be older or newer than what is published here; when this tail
/// does not cover the snapshot's bounds the reader scans the log instead (``TailScan``).
final class TailIndex: Sendable {
    private let state: Mutex<UnindexedTail>

    init(_ tail: UnindexedTail) { state = Mutex(tail) }

    /// A copy of the tail: cheap (the collections are shared until the next change).
    var current: UnindexedTail { state.withLock { $0 } }

    var eventCount: Int { state.withLock { $0.eventCount } }

    func head(ofStream stream: [UInt8]) -> UInt64? { state.withLock { $0.head(ofStream: stream) } }

    /// Publishes the runs of a commit that has returned.
    func publish(_ runs: [TailRun]) {
        guard !runs.isEmpty else { return }
        state.withLock { tail in
            for run in runs { tail.add(run) }
        }
    }

    /// Replaces the tail with one read again from the log (``LogTailRefresh``).
    func replace(with tail: UnindexedTail) { state.withLock { $0 = tail } }

    func markIndexed(through position: UInt64) { state.withLock { $0.markIndexed(through: position) } }

    /// See ``UnindexedTail/markIndexed(withCommitThrough:)``.
    func markIndexed(withCommitThrough position: UInt64) {
        state.withLock { $0.markIndexed(withCommitThrough: position) }
    }

    /// Runs `body` on the tail when it covers `bounds`; nil when the reader must scan the log.
    func ifCovering<R>(_ bounds: TailBounds, _ body: (borrowing UnindexedTail) -> R) -> R? {
        state.withLock { tail in tail.covers(bounds) ? body(tail) : nil }
    }
}
