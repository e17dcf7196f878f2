import Casework
import Events
import Foundation
import LMDB

/// Applies events to one projection version inside the batch's write transaction: one put per
/// fact, one put per event into the locations index (only for projections that apply
/// corrections), and, at the end of the batch, the index entries of rows whose index value
/// may have changed. Puts are gathered and written in key order (``SortedPuts``) at the end of
/// the batch and before any correction or void, which must find the facts already placed, so
/// what lands on disk is exactly what one put per fact would leave. Everything goes through
/// `txn`, so a retried transaction starts clean.
struct ModelWriter<P: FactProjection> {
    let txn: WriteTransaction
    let databases: ModelDatabases
    private var key = ByteWriter(capacity: 128)
    private var value = ByteWriter(capacity: 256)
    private var locations = ByteWriter(capacity: 128)
    /// Rows of the indexed table whose index value may have changed in this batch.
    private var touched: Set<RowKey> = []
    private var factPuts = SortedPuts()
    private var locationPuts = SortedPuts()
    /// Rows of the aggregated table changed in this batch.
    private var aggregated: [RowKey: AggregatedRow<P.Fact>] = [:]

    init(txn: WriteTransaction, databases: ModelDatabases) {
        self.txn = txn
        self.databases = databases
    }

    /// What `event` does to the model, worked out from the event alone: placements are pure,
    /// so this runs on the decoding thread while the previous batch is written.
    static func prepare(_ event: ProjectionEvent) -> PreparedEvent<P.Fact> {
        guard P.appliesCorrections else { return .place(P.placements(of: event)) }
        if let correction = event.payload(EventCorrected.self) {
            let replacement = (try? correction.decodedReplacement()).map { replacement in
                P.placements(of: event.replacing(event: replacement, eventId: correction.originalEventId))
            }
            return .correct(original: correction.originalEventId, replacement: replacement)
        } else if let void = event.payload(EventVoided.self) {
            return .void(original: void.originalEventId)
        }
        return .place(P.placements(of: event))
    }

    /// Applies one prepared event: a correction replaces the original's facts (kept at the
    /// original's position, marked with the correction's), a void removes them, anything else
    /// is placed.
    mutating func apply(_ prepared: PreparedEvent<P.Fact>, of event: ProjectionEvent) throws {
        switch prepared {
        case .ignored:
            return
        case .place(let placements):
            try place(placements, eventId: event.eventId, position: event.position, correctedAt: nil)
        case .correct(let original, let replacement):
            try flush()
            let position = try remove(original)
            guard let replacement else { return }
            try place(replacement, eventId: original, position: position ?? event.position, correctedAt: event.position)
        case .void(let original):
            try flush()
            try remove(original)
        }
    }

    private mutating func place(_ placements: [(RowKey, P.Fact)], eventId: UUID, position: UInt64, correctedAt: UInt64?) throws {
        guard !placements.isEmpty else { return }
        precondition(placements.count <= Int(UInt8.max), "\(P.name) placed \(placements.count) facts for one event")
        locations.removeAll()
        for index in placements.indices {
            let (row, fact) = placements[index]
            if row.table == P.aggregatedTable {
                // A correction's replacement lands at the original's position, before facts the
                // row may hold: only a row that grew at its end is known without reading it.
                let entry = FactEntry(eventId: eventId, position: position, correctedAt: correctedAt, fact: fact)
                try rememberChange(of: row, appending: correctedAt == nil ? entry : nil)
            }
            P.encodeStored(
                fact, row: row, position: position, placement: index, eventId: eventId, correctedAt: correctedAt,
                key: &key, value: &value)
            factPuts.add(key: key.bytes, value: value.bytes)
            if P.appliesCorrections {
                locations.write(UInt8(key.bytes.count >> 8))
                locations.write(UInt8(key.bytes.count & 0xFF))
                locations.write(contentsOf: key.bytes)
            }
            if row.table == P.indexedTable, P.affectsIndex(fact) { touched.insert(row) }
        }
        // Only projections that apply corrections need to find an event's facts again; the
        // audit index would otherwise hold an entry for every event in the log.
        if P.appliesCorrections { locationPuts.add(key: Self.idKey(eventId), value: locations.bytes) }
    }

    /// Removes an event's facts everywhere; returns the original position when there were any.
    @discardableResult
    private mutating func remove(_ eventId: UUID) throws -> UInt64? {
        let idKey = Self.idKey(eventId)
        guard let stored = try txn.get(databases.locations, key: idKey) else { return nil }
        let keys = try Self.keys(in: stored)
        try txn.delete(databases.locations, key: idKey)
        var position: UInt64?
        let reader = ModelReader<P>(txn: txn, databases: databases)
        for key in keys {
            try key.withUnsafeBytes { key in
                guard let parsed = FactKey.parse(key) else { throw reader.corrupt(key, "a location names a key that is not table␟row␟position") }
                if parsed.row.table == P.aggregatedTable { try rememberChange(of: parsed.row, appending: nil) }
                if parsed.row.table == P.indexedTable, let value = try txn.get(databases.facts, key: key),
                    P.affectsIndex(try reader.decode(key: key, value: value, position: parsed.position).fact)
                {
                    touched.insert(parsed.row)
                }
            }
            if try txn.delete(databases.facts, key: key) {
                key.withUnsafeBytes { position = FactKey.position($0) }
            }
        }
        return position
    }

    /// Writes the gathered puts, sorted.
    private mutating func flush() throws {
        try factPuts.write(into: databases.facts, in: txn)
        try locationPuts.write(into: databases.locations, in: txn)
    }

    /// Keeps a row's facts as they were before this batch first changed it, and what the batch
    /// appended to it (`entry`; nil for any other change, after which the row is read again).
    private mutating func rememberChange(of row: RowKey, appending entry: FactEntry<P.Fact>?) throws {
        if let index = aggregated.index(forKey: row) {
            aggregated.values[index].record(entry)
            return
        }
        // The row's first change in this batch: no put to it is waiting, so the database holds
        // the row as the batch found it.
        var change = AggregatedRow(before: try ModelReader<P>(txn: txn, databases: databases).entries(row))
        change.record(entry)
        aggregated[row] = change
    }

    /// Writes what the batch placed, then brings the aggregates and the index up to date for
    /// the rows it touched.
    mutating func finish() throws {
        try flush()
        try finishAggregates()
        guard !touched.isEmpty else { return }
        let reader = ModelReader<P>(txn: txn, databases: databases)
        let index = ModelIndex(database: databases.index)
        for row in touched.sorted() {
            try index.file(row.key, under: P.indexValue(of: row, entries: try reader.entries(row)), in: txn)
        }
        touched.removeAll()
    }

    private mutating func finishAggregates() throws {
        guard !aggregated.isEmpty else { return }
        let reader = ModelReader<P>(txn: txn, databases: databases)
        let changes = try aggregated.sorted { $0.key < $1.key }.map { row, change in
            RowChange(row: row, before: change.before, after: try change.after ?? reader.entries(row))
        }
        aggregated.removeAll()
        var aggregates = AggregateWriter<P>(txn: txn, databases: databases)
        try P.updateAggregates(changes, in: &aggregates)
    }

    static func idKey(_ id: UUID) -> [UInt8] { withUnsafeBytes(of: id.uuid) { Array($0) } }

    /// The keys listed in a locations value.
    private static func keys(in stored: UnsafeRawBufferPointer) throws -> [[UInt8]] {
        var keys: [[UInt8]] = []
        var offset = 0
        while offset < stored.count {
            guard offset + 2 <= stored.count else { throw damagedLocations() }
            let length = Int(stored[offset]) << 8 | Int(stored[offset + 1])
            guard offset + 2 + length <= stored.count else { throw damagedLocations() }
            keys.append(Array(stored[(offset + 2)..<(offset + 2 + length)]))
            offset += 2 + length
        }
        return keys
    }

    private static func damagedLocations() -> ProjectionError {
        .corruptRow(projection: P.name, detail: "an event's locations entry runs past its end")
    }
}

/// A row of a projection's aggregated table changed by the batch being written: its facts as
/// the batch found them and, while the batch only appended to it, the facts it appended.
struct AggregatedRow<Fact: Codable & Sendable & Equatable> {
    let before: [FactEntry<Fact>]
    /// Nil once the batch removed or replaced a fact of the row.
    private var appended: [FactEntry<Fact>]? = []

    init(before: [FactEntry<Fact>]) { self.before = before }

    /// The row's facts now, when known without reading it (appended facts follow the earlier
    /// ones: their positions are past every position the batch found).
    var after: [FactEntry<Fact>]? { appended.map { before + $0 } }

    /// Notes an appended fact, or (nil) a change that makes the row's facts unknown.
    mutating func record(_ entry: FactEntry<Fact>?) {
        if let entry { appended?.append(entry) } else { appended = nil }
    }
}

/// What one event does to a projection's model, decided without reading the model.
enum PreparedEvent<Fact: Sendable>: Sendable {
    /// The projection does not read this event type.
    case ignored
    /// Place these facts at the event's position.
    case place([(RowKey, Fact)])
    /// Remove the original's facts, then place the replacement's (nil: the replacement does
    /// not decode, and the original is only removed).
    case correct(original: UUID, replacement: [(RowKey, Fact)]?)
    /// Remove the original's facts.
    case void(original: UUID)
}
