import LMDB

/// Reads of the `streams` index: a stream's head and its events by version.
enum StreamIndex {
    /// The version of the stream's last indexed event (UTF-8 id), or nil if the index has none.
    static func head(ofKey key: [UInt8], in transaction: Transaction, layout: StoreLayout) throws -> UInt64? {
        try transaction.withCursor(layout.streams) { cursor in
            guard try cursor.seek(exactly: key) != nil, let last = try cursor.lastDuplicate() else { return nil }
            return StoreLayout.streamEntryParts(last.value).version
        }
    }

    /// Positions of the indexed events of a stream (UTF-8 id) from `version` in `direction`,
    /// at most `limit`. The unindexed tail is the caller's: see ``EventStore/unindexedEntries(ofStream:in:source:)``.
    static func positions(
        ofKey key: [UInt8], from version: UInt64?, direction: ReadDirection, limit: Int,
        in transaction: Transaction, layout: StoreLayout
    ) throws -> [UInt64] {
        try transaction.withCursor(layout.streams) { cursor in
            var entry: Cursor.Entry?
            switch direction {
            case .forwards:
                entry = try cursor.seek(key: key, valueAtOrAfter: StoreLayout.streamEntry(version: version ?? 0, position: 0))
            case .backwards:
                entry = try lastEntry(atOrBefore: version ?? .max, key: key, cursor: cursor)
            }
            var positions: [UInt64] = []
            while let current = entry, positions.count < limit {
                positions.append(StoreLayout.streamEntryParts(current.value).position)
                entry = direction == .forwards ? try cursor.nextDuplicate() : try cursor.previousDuplicate()
            }
            return positions
        }
    }

    private static func lastEntry(atOrBefore version: UInt64, key: [UInt8], cursor: borrowing Cursor) throws -> Cursor.Entry? {
        guard try cursor.seek(exactly: key) != nil, let last = try cursor.lastDuplicate() else { return nil }
        if StoreLayout.streamEntryParts(last.value).version <= version { return last }
        guard try cursor.seek(key: key, valueAtOrAfter: StoreLayout.streamEntry(version: version + 1, position: 0)) != nil else {
            return nil
        }
        return try cursor.previousDuplicate()
    }

    /// True when the index holds exactly this (version, position) for the stream.
    static func contains(
        _ stream: String, version: UInt64, position: UInt64, in transaction: Transaction, layout: StoreLayout
    ) throws -> Bool {
        try transaction.withCursor(layout.streams) { cursor in
            let entry = StoreLayout.streamEntry(version: version, position: position)
            guard let found = try cursor.seek(key: Array(stream.utf8), valueAtOrAfter: entry) else { return false }
            return found.value.elementsEqual(entry)
        }
    }

    /// Number of distinct streams.
    static func count(in transaction: Transaction, layout: StoreLayout) throws -> Int {
        try transaction.withCursor(layout.streams) { cursor in
            var count = 0
            var entry = try cursor.first()
            while entry != nil {
                count += 1
                entry = try cursor.nextKey()
            }
            return count
        }
    }
}
