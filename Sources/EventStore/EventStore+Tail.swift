import LMDB

/// Where a read finds the entries past its snapshot's indexes.
enum TailSource {
    /// This process's published ``TailIndex`` when it covers the snapshot, else the log.
    case publishedOrLog
    /// Always the log (what a reader in another process does; tests use it).
    case log
}

extension EventStore {
    /// Runs `body` with the snapshot's unindexed tail and bounds: the records past its
    /// `indexed-through` up to its last position, which its `streams` and `categories`
    /// databases do not hold yet.
    func withUnindexedTail<R>(
        in transaction: Transaction, source: TailSource = .publishedOrLog,
        _ body: (borrowing UnindexedTail, TailBounds) throws -> R
    ) throws -> R {
        let bounds = try TailScan.bounds(in: transaction, layout: layout)
        if bounds.isEmpty { return try body(UnindexedTail(indexedThrough: bounds.indexedThrough), bounds) }
        if source == .publishedOrLog {
            let published: Result<R, any Error>? = tailIndex.ifCovering(bounds) { tail in Result { try body(tail, bounds) } }
            if let published { return try published.get() }
        }
        return try body(try TailScan.tail(in: transaction, layout: layout, bounds: bounds), bounds)
    }
}
