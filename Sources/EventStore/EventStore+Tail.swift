import LMDB

/// Where a read finds the entries past its snapshot's indexes.
enum TailSource {
    /// This process's published ``TailIndex`` when it covers the snapshot, else the log.
    case publishedOrLog
    /// Always the log (what a reader in another process does; tests use it).
    case log
}

/// The entries a read snapshot holds past its `indexed-through`, up to its last position,
/// which its `streams`, `categories` and `event-ids` databases do not hold yet.
extension EventStore {
    func unindexedEntries(ofStream stream: [UInt8], in transaction: Transaction, source: TailSource) throws -> [StreamEntry] {
        try unindexed(in: transaction, source: source, empty: []) { tail, bounds in
            tail.streamEntries(stream, within: bounds)
        } scanned: { bounds in
            try TailScan.streamEntries(stream, in: transaction, layout: layout, bounds: bounds)
        }
    }

    func unindexedPositions(
        ofCategory category: [UInt8], from position: UInt64, in transaction: Transaction, source: TailSource
    ) throws -> [UInt64] {
        try unindexed(in: transaction, source: source, empty: []) { tail, bounds in
            tail.categoryPositions(category, from: position, within: bounds)
        } scanned: { bounds in
            try TailScan.categoryPositions(category, from: position, in: transaction, layout: layout, bounds: bounds)
        }
    }

    func unindexedPosition(ofEvent id: UUIDOrder, in transaction: Transaction, source: TailSource) throws -> UInt64? {
        try unindexed(in: transaction, source: source, empty: nil) { tail, bounds in
            tail.position(ofEvent: id, within: bounds)
        } scanned: { bounds in
            try TailScan.position(ofEvent: id, in: transaction, layout: layout, bounds: bounds)
        }
    }

    func unindexedNewStreamCount(in transaction: Transaction) throws -> Int {
        try unindexed(in: transaction, source: .publishedOrLog, empty: 0) { tail, bounds in
            tail.newStreamCount(within: bounds)
        } scanned: { bounds in
            try TailScan.newStreamCount(in: transaction, layout: layout, bounds: bounds)
        }
    }

    /// `published` on this process's tail when `source` allows it and the tail covers the
    /// snapshot, else `scanned` over the log; `empty` when the snapshot has nothing unindexed.
    private func unindexed<R>(
        in transaction: Transaction, source: TailSource, empty: R,
        published: (borrowing UnindexedTail, TailBounds) -> R, scanned: (TailBounds) throws -> R
    ) throws -> R {
        let bounds = try TailScan.bounds(in: transaction, layout: layout)
        if bounds.isEmpty { return empty }
        if source == .publishedOrLog, let found = tailIndex.ifCovering(bounds, { published($0, bounds) }) {
            return found
        }
        return try scanned(bounds)
    }
}
