import LMDB

/// The log's tail and unindexed tail read again, when another process has appended since this
/// writer last committed.
///
/// LMDB runs one write transaction at a time across processes, but the writer keeps both tails
/// in memory between its commits: after another process's appends (`harbour import` while the
/// server runs) they are stale, and an append staged on them would collide with a position
/// already in the log and check expected versions and event ids against old heads. So every
/// commit compares the log's last key with the tail it knows and, when they differ, reads both
/// again from the log inside its own transaction, as the open does.
struct LogTailRefresh {
    let tail: LogTail
    let unindexed: UnindexedTail

    /// Nil when the log still ends at `known`.
    static func ifAppendedElsewhere(since known: LogTail, in transaction: Transaction, layout: StoreLayout) throws -> LogTailRefresh? {
        let head = try TailScan.lastPosition(in: transaction, layout: layout)
        guard head != known.position else { return nil }
        let bounds = try TailScan.bounds(head: head, in: transaction, layout: layout)
        return LogTailRefresh(
            tail: try LogTail.load(in: transaction, layout: layout),
            unindexed: try TailScan.tail(in: transaction, layout: layout, bounds: bounds))
    }
}
