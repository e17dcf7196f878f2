import Casework
import Events
import Foundation
import LMDB

/// Builds one projection version's model in memory over a stretch of the log that starts at an
/// empty model (a rebuild, a shadow build, an as-of build), then writes it in one transaction.
/// Every fact and location is written in key order into the empty databases, so each put is an
/// `MDB_APPEND` that searches nothing; a fact a later correction or void removes is never
/// written; and each aggregated row is folded once, as the stretch left it, instead of twice
/// in every batch that changed it. What it writes is what ``ModelWriter`` leaves after folding
/// the same events one at a time (`EmptyModelBuildTests` compares the bytes).
struct EmptyModelBuilder<P: FactProjection> {
    private var facts = SortedPuts()
    /// Filled from `runs` once the stretch is folded.
    private var locations = SortedPuts()
    /// Each placing event's facts (a run of consecutive puts in `facts`), kept only by
    /// projections that apply corrections: the locations written at the end, and what a
    /// correction or void removes.
    private var runs: [PlacedRun] = []
    /// The run still in the model at each position (index position − 1; −1: none). Found by
    /// position, not by event id: a dictionary of every event id was a twelfth of a rebuild's
    /// samples, and only corrections and voids look an event up (``EventPositions``).
    private var runAt: [Int32] = []
    /// Runs filed under an event id at another event's position: a correction's replacement
    /// for an original that had no facts here lands at the correction's position.
    private var movedRuns: [UUID: Int] = [:]
    /// Rows of the indexed table whose index value may have changed.
    private var touched: Set<RowKey> = []
    private var key = ByteWriter(capacity: 128)
    private var value = ByteWriter(capacity: 256)
    /// The last position folded in (0: none).
    private(set) var lastPosition: UInt64 = 0
    /// The aggregates of the aggregated table's rows, sorted, once ``sort()`` folded them.
    private var aggregates: SortedPuts?

    /// How many facts and locations are queued (taken back ones included).
    var queuedPuts: Int { facts.count + locations.count + runs.count }

    private struct PlacedRun {
        let eventId: UUID
        let firstPut: Int
        let puts: Int
        var removed = false
    }

    /// Folds in one prepared event, as ``ModelWriter/apply(_:of:)`` would apply it;
    /// `positions` finds the events corrections and voids name.
    mutating func apply(_ prepared: PreparedEvent<P.Fact>, of event: ProjectionEvent, positions: EventPositions) throws {
        precondition(event.position > lastPosition, "\(P.name): events must be folded in log order")
        lastPosition = event.position
        switch prepared {
        case .ignored:
            return
        case .place(let placements):
            place(placements, eventId: event.eventId, position: event.position, correctedAt: nil, moved: false)
        case .correct(let original, let replacement):
            let removed = try remove(original, positions: positions)
            guard let replacement else { return }
            // Where the original's facts were (kept there, moved or not), else at the correction.
            place(
                replacement, eventId: original, position: removed?.position ?? event.position, correctedAt: event.position,
                moved: removed?.moved ?? true)
        case .void(let original):
            try remove(original, positions: positions)
        }
    }

    /// `moved`: filed under `eventId` at a position that is not that event's own.
    private mutating func place(_ placements: [(RowKey, P.Fact)], eventId: UUID, position: UInt64, correctedAt: UInt64?, moved: Bool) {
        guard !placements.isEmpty else { return }
        precondition(placements.count <= Int(UInt8.max), "\(P.name) placed \(placements.count) facts for one event")
        let firstPut = facts.count
        for index in placements.indices {
            let (row, fact) = placements[index]
            P.encodeStored(
                fact, row: row, position: position, placement: index, eventId: eventId, correctedAt: correctedAt,
                key: &key, value: &value)
            facts.add(key: key.bytes, value: value.bytes)
            if row.table == P.indexedTable, P.affectsIndex(fact) { touched.insert(row) }
        }
        guard P.appliesCorrections else { return }
        if moved {
            movedRuns[eventId] = runs.count
        } else {
            let slot = Int(position) - 1
            while runAt.count <= slot { runAt.append(-1) }
            runAt[slot] = Int32(runs.count)
        }
        runs.append(PlacedRun(eventId: eventId, firstPut: firstPut, puts: placements.count))
    }

    /// The run still in the model under `eventId`, taken out of the lookups, and whether it was
    /// a moved one.
    private mutating func takeRun(of eventId: UUID, positions: EventPositions) throws -> (run: Int, moved: Bool)? {
        if let run = movedRuns.removeValue(forKey: eventId) { return (run, true) }
        guard let position = try positions.position(of: eventId), position > 0, position <= UInt64(runAt.count) else { return nil }
        let slot = Int(position) - 1
        // The run at an event's position may be another event's (a moved replacement).
        guard runAt[slot] >= 0, runs[Int(runAt[slot])].eventId == eventId else { return nil }
        defer { runAt[slot] = -1 }
        return (Int(runAt[slot]), false)
    }

    /// Removes an event's facts; returns their position, and whether they were a moved run,
    /// when there were any.
    @discardableResult
    private mutating func remove(_ eventId: UUID, positions: EventPositions) throws -> (position: UInt64, moved: Bool)? {
        guard let (run, moved) = try takeRun(of: eventId, positions: positions) else { return nil }
        runs[run].removed = true
        var position: UInt64?
        for put in runs[run].firstPut..<(runs[run].firstPut + runs[run].puts) {
            let (row, removedPosition, fact) = facts.withPut(put) { key, value in
                guard let parsed = FactKey.parse(key) else { preconditionFailure("\(P.name) queued a fact key it cannot parse") }
                var reader = ByteReader(value)
                return (parsed.row, parsed.position, Self.fact(in: &reader))
            }
            if row.table == P.indexedTable, P.affectsIndex(fact) { touched.insert(row) }
            facts.remove(put)
            position = removedPosition
        }
        return position.map { ($0, moved) }
    }

    /// The fact of a value this builder queued itself.
    private static func fact(in reader: inout ByteReader) -> P.Fact {
        do {
            _ = try FactValue.header(&reader)
            return try P.decode(from: &reader)
        } catch {
            preconditionFailure("\(P.name) cannot read a fact it encoded: \(error)")
        }
    }

    /// Lists the locations, sorts every put and folds the aggregates; needs no transaction,
    /// so it runs on any thread while another model is written. ``write(in:databases:)`` does
    /// it if it was not done.
    mutating func sort() throws {
        if P.appliesCorrections, !runs.isEmpty { listLocations() }
        guard aggregates == nil, let table = P.aggregatedTable else {
            facts.sort()
            locations.sort()
            return
        }
        // The aggregates need only the aggregated table's rows: a sorted copy of those is
        // folded on another thread while every fact is sorted here. On one thread the fold
        // came after the sort, and the funder model's sort was the last thing a rebuild
        // waited for while the other core stood idle.
        let rows = facts
        let folded = Handoff<Result<InMemoryAggregates, any Error>>(depth: 1)
        let folding = Thread {
            _ = folded.put(Result { try Self.foldAggregates(of: table, over: rows.sortedSubset(withPrefix: FactKey.tablePrefix(table))) })
        }
        folding.name = "harbour-aggregate-fold"
        folding.start()
        facts.sort()
        locations.sort()
        guard var result = try folded.take()?.get() else { preconditionFailure("\(P.name): the aggregate fold ended without a result") }
        // It read its own table's rows only; if another table it touched holds facts events
        // placed, it must see those too, so it folds again over every fact.
        if result.tables.contains(where: { $0 != table && facts.hasSorted(withPrefix: FactKey.tablePrefix($0)) }) {
            result = try Self.foldAggregates(of: table, over: facts)
        }
        for key in result.removed {
            if let put = facts.sortedPut(withKey: key) { facts.remove(put) }
        }
        aggregates = result.puts
    }

    /// Writes the model into `databases`, which must be empty, inside `txn`: the facts with
    /// the aggregates among them and the locations, in key order, then the index entries of
    /// the rows it touched. Until it returns, nothing it needs is forgotten: a transaction
    /// that fills the map is aborted and runs again after the map grows, and must write the
    /// same model.
    mutating func write(in txn: WriteTransaction, databases: ModelDatabases) throws {
        try sort()
        try locations.writeSorted(into: databases.locations, in: txn)
        try facts.writeSorted(into: databases.facts, in: txn, mergedWith: aggregates ?? SortedPuts())
        let reader = ModelReader<P>(txn: txn, databases: databases)
        let index = ModelIndex(database: databases.index)
        for row in touched.sorted() {
            try index.file(row.key, under: P.indexValue(of: row, entries: try reader.entries(row)), in: txn)
        }
    }

    /// Folds every row of the aggregated table once, from nothing to how the stretch left it
    /// (a row whose facts were all removed contributes nothing either way), from sorted facts
    /// in memory (`facts`: all of them, or the table's) instead of the written tree: the
    /// aggregates are then appended with the facts instead of put one by one into the middle
    /// of the tree, and the fold runs off the writer thread while other models are written.
    private static func foldAggregates(of table: String, over facts: SortedPuts) throws -> InMemoryAggregates {
        var changes: [RowChange<P.Fact>] = []
        var row: RowKey?
        var entries: [FactEntry<P.Fact>] = []
        try facts.forEachSorted(withPrefix: FactKey.tablePrefix(table)) { key, value in
            guard let parsed = FactKey.parse(key) else { throw ModelReader<P>.corrupt(key, "its key is not table␟row␟position") }
            if parsed.row != row {
                if let row { changes.append(RowChange(row: row, before: [], after: entries)) }
                row = parsed.row
                entries = []
            }
            entries.append(try ModelReader<P>.decode(key: key, value: value, position: parsed.position))
        }
        if let row { changes.append(RowChange(row: row, before: [], after: entries)) }
        var aggregates = AggregateWriter<P>(inMemoryOver: facts)
        try P.updateAggregates(changes, in: &aggregates)
        return aggregates.gathered()
    }

    /// Each event still in the model under its id: the keys of its facts, as ``ModelWriter``
    /// lists them. Before the facts are sorted, while put numbers still name them.
    private mutating func listLocations() {
        var listed = ByteWriter(capacity: 128)
        for run in runs where !run.removed {
            listed.removeAll()
            for put in run.firstPut..<(run.firstPut + run.puts) {
                facts.withPut(put) { key, _ in
                    listed.write(UInt8(key.count >> 8))
                    listed.write(UInt8(key.count & 0xFF))
                    listed.write(contentsOf: key)
                }
            }
            locations.add(key: ModelWriter<P>.idKey(run.eventId), value: listed.bytes)
        }
        runs.removeAll()
        runAt.removeAll()
        movedRuns.removeAll()
    }
}
