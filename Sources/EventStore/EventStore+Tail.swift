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
        let bounds = try TailScan.bounds(in: transaction, layout: layout)
        if bounds.isEmpty { return [] }
        if source == .publishedOrLog, let published = tailIndex.ifCovering(bounds, { $0.streamEntries(stream, within: bounds) }) {
            return published
        }
        return try TailScan.streamEntries(stream, in: transaction, layout: layout, bounds: bounds)
    }

    func unindexedPositions(
        ofCategory category: [UInt8], from position: UInt64, in transaction: Transaction, source: TailSource
    ) throws -> [UInt64] {
        let bounds = try TailScan.bounds(in: transaction, layout: layout)
        if bounds.isEmpty { return [] }
        if source == .publishedOrLog,
            let published = tailIndex.ifCovering(bounds, { $0.categoryPositions(category, from: position, within: bounds) })
        {
            return published
        }
        return try TailScan.categoryPositions(category, from: position, in: transaction, layout: layout, bounds: bounds)
    }

    func unindexedPosition(ofEvent id: UUIDOrder, in transaction: Transaction, source: TailSource) throws -> UInt64? {
        let bounds = try TailScan.bounds(in: transaction, layout: layout)
        if bounds.isEmpty { return nil }
        if source == .publishedOrLog, let published = tailIndex.ifCovering(bounds, { $0.position(ofEvent: id, within: bounds) }) {
            return published
        }
        return try TailScan.position(ofEvent: id, in: transaction, layout: layout, bounds: bounds)
    }

    func unindexedNewStreamCount(in transaction: Transaction) throws -> Int {
        let bounds = try TailScan.bounds(in: transaction, layout: layout)
        if bounds.isEmpty { return 0 }
        if let published = tailIndex.ifCovering(bounds, { $0.newStreamCount(within: bounds) }) { return published }
        return try TailScan.newStreamCount(in: transaction, layout: layout, bounds: bounds)
    }
}
