import Casework
import Events
import Foundation

/// A fact projection's read model in memory: rows of facts, the position it has applied up to,
/// and what changed since the last write to disk.
public struct FactState<P: FactProjection>: Sendable, Equatable {
    /// Every row, facts in log order.
    public private(set) var rows: [RowKey: [FactEntry<P.Fact>]] = [:]
    /// Indexes derived from the rows.
    public private(set) var derived: P.Derived = P.emptyDerived
    /// The last applied position (0 before any).
    public private(set) var checkpoint: UInt64 = 0
    /// Which rows each event's facts landed in, so corrections find them.
    private var locations: [UUID: [RowKey]] = [:]
    /// Rows changed since the last ``drainChanges()``.
    private var dirty: Set<RowKey> = []

    /// An empty read model.
    public init() {}

    /// Rows and checkpoint decide equality; indexes follow from rows.
    public static func == (lhs: FactState, rhs: FactState) -> Bool {
        lhs.checkpoint == rhs.checkpoint && lhs.rows == rhs.rows
    }

    /// The facts of one row (empty when it has none).
    public func entries(_ key: RowKey) -> [FactEntry<P.Fact>] { rows[key] ?? [] }

    /// Applies one event past the checkpoint; events at or before it are ignored, which makes
    /// replays after an interrupted write harmless.
    mutating func apply(_ event: ProjectionEvent) {
        guard event.position > checkpoint else { return }
        checkpoint = event.position
        if !P.appliesCorrections {
            place(event, position: event.position, correctedAt: nil)
        } else if let correction = event.event as? EventCorrected {
            let original = remove(correction.originalEventId)
            guard let replacement = try? correction.decodedReplacement() else { return }
            let envelope = event.replacing(event: replacement, eventId: correction.originalEventId)
            place(envelope, position: original ?? event.position, correctedAt: event.position)
        } else if P.appliesCorrections, let void = event.event as? EventVoided {
            remove(void.originalEventId)
        } else {
            place(event, position: event.position, correctedAt: nil)
        }
    }

    private mutating func place(_ event: ProjectionEvent, position: UInt64, correctedAt: UInt64?) {
        let placements = P.placements(of: event)
        guard !placements.isEmpty else { return }
        for (key, fact) in placements {
            let entry = FactEntry(eventId: event.eventId, position: position, correctedAt: correctedAt, fact: fact)
            var row = rows.removeValue(forKey: key) ?? []
            if let last = row.last, last.position > position {
                row.insert(entry, at: row.firstIndex { $0.position > position } ?? row.endIndex)
            } else {
                row.append(entry)
            }
            rows[key] = row
            dirty.insert(key)
        }
        // Only projections that apply corrections need to find an event's facts again; the
        // audit index would otherwise keep an entry for every event in the log.
        if P.appliesCorrections { locations[event.eventId] = placements.map(\.0) }
    }

    /// Removes an event's facts everywhere; returns the original position when there were any.
    @discardableResult
    private mutating func remove(_ eventId: UUID) -> UInt64? {
        guard let keys = locations.removeValue(forKey: eventId) else { return nil }
        var position: UInt64?
        for key in keys {
            guard var row = rows[key] else { continue }
            if let index = row.firstIndex(where: { $0.eventId == eventId }) {
                position = row[index].position
                row.remove(at: index)
            }
            rows[key] = row.isEmpty ? nil : row
            dirty.insert(key)
        }
        return position
    }

    /// The rows changed since the last call, encoded for storage (nil value: delete the row),
    /// after bringing the indexes up to date for them.
    mutating func drainChanges(encoder: JSONEncoder) throws -> [(key: [UInt8], value: [UInt8]?)] {
        var changes: [(key: [UInt8], value: [UInt8]?)] = []
        changes.reserveCapacity(dirty.count)
        for key in dirty.sorted() {
            let entries = rows[key]
            P.derive(key, entries: entries, into: &derived)
            changes.append((key.storageKey, try entries.map { Array(try encoder.encode($0)) }))
        }
        dirty.removeAll(keepingCapacity: true)
        return changes
    }

    /// Brings indexes up to date without writing (for in-memory folds such as as-of).
    mutating func settle() {
        for key in dirty { P.derive(key, entries: rows[key], into: &derived) }
        dirty.removeAll(keepingCapacity: true)
    }

    /// Restores one stored row.
    mutating func load(storageKey: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, decoder: JSONDecoder) throws {
        guard let key = RowKey(storageKey: storageKey) else {
            throw ProjectionError.corruptRow(projection: P.name, detail: "a row key has no table separator")
        }
        let entries = try decoder.decode([FactEntry<P.Fact>].self, from: Data(value))
        rows[key] = entries
        if P.appliesCorrections {
            for entry in entries { locations[entry.eventId, default: []].append(key) }
        }
        P.derive(key, entries: entries, into: &derived)
    }

    /// Sets the checkpoint of a freshly loaded model.
    mutating func restore(checkpoint position: UInt64) { checkpoint = position }
}
