public import Foundation
public import LMDB

/// Everything an event store call can fail with. Each case says what to do next in its message.
public enum EventStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stream was not in the expected state; `actual` is its current version (nil: no stream).
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: UInt64?)
    /// The event id is already in the log with different content.
    case eventIdConflict(eventId: UUID, existingPosition: UInt64)
    /// Some events of a batch are in the log and others are not: not a clean retry.
    case partialRetry(stream: String, alreadyAppended: Int, of: Int)
    /// The same event id appears twice in one batch.
    case duplicateEventInBatch(eventId: UUID)
    /// A named limit was exceeded, or an input was empty or malformed.
    case limitExceeded(LimitViolation)
    case invalidInput(field: String, problem: String)
    /// The store reached its configured maximum size.
    case storeFull(mapSizeBytesMax: Int)
    /// Every reader slot is taken (by this or other processes).
    case readersFull
    /// A record could not be decoded or failed its integrity check.
    case corruptRecord(position: UInt64, reason: String)
    /// The data folder was written by a newer Harbour.
    case formatTooNew(found: UInt32, supported: UInt32)
    /// The data folder is not a Harbour store.
    case notAStore(path: String, reason: String)
    case closed
    /// Any other storage failure, with LMDB's code and message.
    case storage(LMDBError)

    public struct LimitViolation: Sendable, Equatable {
        public let limit: String
        public let actual: Int
        public let maximum: Int
        public let subject: String
    }

    public var description: String {
        switch self {
        case .wrongExpectedVersion(let stream, let expected, let actual):
            let current = actual.map { "is at version \($0)" } ?? "does not exist"
            return "stream \(stream): expected \(expected), but it \(current)"
        case .eventIdConflict(let eventId, let position):
            return "event id \(eventId) is already at position \(position) with different content"
        case .partialRetry(let stream, let already, let total):
            return "stream \(stream): \(already) of \(total) events of this batch are already in the log; retry the whole batch unchanged or use new event ids"
        case .duplicateEventInBatch(let eventId):
            return "event id \(eventId) appears more than once in the batch"
        case .limitExceeded(let violation):
            return "\(violation.subject) is \(violation.actual), over the limit of \(violation.maximum) (\(violation.limit))"
        case .invalidInput(let field, let problem):
            return "\(field) \(problem)"
        case .storeFull(let maximum):
            return "the store reached its maximum size of \(maximum) bytes; raise mapSizeBytesMax or free disk space"
        case .readersFull:
            return "every LMDB reader slot is in use; close idle readers (other harbour processes) or raise readersMax"
        case .corruptRecord(let position, let reason):
            return "record at position \(position) is corrupt: \(reason)"
        case .formatTooNew(let found, let supported):
            return "the data folder has format version \(found), but this Harbour reads up to \(supported): upgrade Harbour"
        case .notAStore(let path, let reason):
            return "\(path) is not a Harbour store: \(reason)"
        case .closed:
            return "the event store is closed"
        case .storage(let error):
            return "storage error: \(error)"
        }
    }

    /// Wraps an LMDB error in the store's vocabulary.
    static func from(_ error: any Error, mapSizeBytesMax: Int) -> any Error {
        guard let lmdb = error as? LMDBError else { return error }
        switch lmdb.code {
        case .mapFull: return EventStoreError.storeFull(mapSizeBytesMax: mapSizeBytesMax)
        case .environmentClosed: return EventStoreError.closed
        case .readersFull: return EventStoreError.readersFull
        default: return EventStoreError.storage(lmdb)
        }
    }
}
