import Casework
import EventStore
import Events
import Foundation

/// One client's whole history in log order, corrections shown beside what they correct.
public struct ClientFile: Sendable, Equatable, Codable {
    /// The client.
    public let clientId: String
    /// Each fact as recorded, oldest first (corrections and voids are attached, not listed).
    public let entries: [ClientFileEntry]
}

/// One recorded fact in a client file.
public struct ClientFileEntry: Sendable, Equatable, Codable {
    /// The event as the audit trail lists it (who, when recorded, when it happened).
    public let record: AuditEntry
    /// The payload as JSON text, as recorded.
    public let payload: String
    /// Later corrections and voids of this fact, oldest first.
    public var corrections: [ClientFileCorrection]
}

/// A correction or void shown beside the fact it corrects.
public struct ClientFileCorrection: Sendable, Equatable, Codable {
    /// The correcting event.
    public let record: AuditEntry
    /// True for a void; false for a replacement.
    public let voided: Bool
    /// The reason given.
    public let reason: String
    /// The replacement payload as JSON text (nil for a void).
    public let replacement: String?
}

extension ReadModels {
    /// Client `clientId`'s file. Throws `notFound` when the log has nothing about the client.
    public func clientFile(clientId: String) throws -> ClientFile {
        let positions = try clientPositions(clientId)
        guard !positions.isEmpty else {
            throw ProjectionError.notFound(field: "clientId", problem: "no client \(clientId) in the log up to position \(position)")
        }
        var entries: [ClientFileEntry] = []
        var indexById: [UUID: Int] = [:]
        for position in positions {
            guard let event = try store.event(at: position) else { continue }
            if let correction = try correction(in: event), let index = indexById[correction.original] {
                entries[index].corrections.append(correction.shown)
                continue
            }
            indexById[event.eventId] = entries.count
            entries.append(ClientFileEntry(record: AuditEntry(event), payload: String(decoding: event.payload, as: UTF8.self), corrections: []))
        }
        return ClientFile(clientId: clientId, entries: entries)
    }

    private func correction(in event: RecordedEvent) throws -> (original: UUID, shown: ClientFileCorrection)? {
        switch event.eventType {
        case EventCorrected.eventType:
            guard let corrected = try event.decoded() as? EventCorrected else { return nil }
            let replacement = try EventCoding.encoder().encode(corrected.replacement)
            return (
                corrected.originalEventId,
                ClientFileCorrection(
                    record: AuditEntry(event), voided: false, reason: corrected.reason.text,
                    replacement: String(decoding: replacement, as: UTF8.self))
            )
        case EventVoided.eventType:
            guard let voided = try event.decoded() as? EventVoided else { return nil }
            return (voided.originalEventId, ClientFileCorrection(record: AuditEntry(event), voided: true, reason: voided.reason.text, replacement: nil))
        default:
            return nil
        }
    }
}
