/// What the single writer has done since the store opened: how well group commit is grouping,
/// and how long commits take (fsyncs included).
public struct WriterStatistics: Sendable, Equatable {
    /// Write transactions committed.
    public internal(set) var commits = 0
    /// Append requests those transactions carried (each stream of a multi-stream append counts).
    public internal(set) var requests = 0
    /// Events in those requests (a request refused on its own still counts).
    public internal(set) var events = 0
    /// Time inside the write transactions, commit and fsync included.
    public internal(set) var commitMicroseconds: Int64 = 0
    /// The part of ``commitMicroseconds`` spent writing the requests into the transaction,
    /// before `mdb_txn_commit` (which writes the dirty pages and syncs twice).
    public internal(set) var stagingMicroseconds: Int64 = 0
    /// Transactions of their own that wrote the unindexed tail into the stream and category
    /// indexes (after ``StoreLimits/indexDelayMilliseconds``, or on close).
    public internal(set) var indexCatchUps = 0
    /// Append commits that took the tail to ``StoreLimits/indexTailEventsMax`` and so wrote it
    /// into the indexes themselves.
    public internal(set) var indexCatchUpsInAppends = 0
    /// Time inside those transactions, commit and fsync included.
    public internal(set) var indexCatchUpMicroseconds: Int64 = 0
    /// Commits that found the log extended by another process and read its tails again first.
    public internal(set) var appendsElsewhereFound = 0

    /// Mean requests per commit (0 before the first).
    public var requestsPerCommit: Double { commits == 0 ? 0 : Double(requests) / Double(commits) }
    /// Mean time of one commit in milliseconds (0 before the first).
    public var commitMillisecondsMean: Double { commits == 0 ? 0 : Double(commitMicroseconds) / Double(commits) / 1_000 }
    /// Mean time of staging one commit's requests in milliseconds (0 before the first).
    public var stagingMillisecondsMean: Double { commits == 0 ? 0 : Double(stagingMicroseconds) / Double(commits) / 1_000 }
    /// Mean time of one index catch-up in milliseconds (0 before the first).
    public var indexCatchUpMillisecondsMean: Double {
        indexCatchUps == 0 ? 0 : Double(indexCatchUpMicroseconds) / Double(indexCatchUps) / 1_000
    }
}

extension EventStore {
    /// The writer's counters since the store opened.
    public func writerStatistics() async -> WriterStatistics {
        await writer.statistics
    }
}
