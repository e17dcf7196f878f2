import Foundation

/// Maps each stored event type name to its Swift type, current version and upcasters, and
/// decodes `(eventType, schemaVersion, payload)` triples from the log into typed events,
/// upcasting older versions first.
public struct EventRegistry: Sendable {
    /// What the registry knows about one event type.
    public struct Entry: Sendable {
        /// The Swift type.
        public let type: any DomainEvent.Type
        /// The version payloads are upcast to.
        public var currentVersion: UInt16 { type.schemaVersion }
        /// Upcasters keyed by the version they read.
        public let upcasters: [UInt16: Upcaster]
    }

    /// Every event type of the domain (``EventCatalogue/allTypes``).
    public static let standard = EventRegistry(types: EventCatalogue.allTypes)

    /// Entries by event type name.
    public let entries: [String: Entry]
    /// Opens sealed personal fields while decoding; nil leaves them sealed.
    public private(set) var opener: (any PersonalDataOpener)?

    /// This registry, opening sealed personal fields with `opener` as it decodes.
    public func opening(with opener: any PersonalDataOpener) -> EventRegistry {
        var copy = self
        copy.opener = opener
        return copy
    }

    /// A registry of `types`. Traps on a duplicate name or a gap in a type's upcaster chain:
    /// both are programming errors that must never reach the log.
    public init(types: [any DomainEvent.Type]) {
        var entries: [String: Entry] = [:]
        for type in types {
            precondition(entries[type.eventType] == nil, "event type \(type.eventType) registered twice")
            let upcasters = Dictionary(uniqueKeysWithValues: type.upcasters.map { ($0.fromVersion, $0) })
            precondition(
                Set(upcasters.keys) == Set(1..<type.schemaVersion),
                "\(type.eventType) v\(type.schemaVersion) needs one upcaster from each older version")
            entries[type.eventType] = Entry(type: type, upcasters: upcasters)
        }
        self.entries = entries
    }

    /// Decodes a payload stored as `schemaVersion` of `eventType`, upcasting it to the
    /// current version first.
    public func decode(eventType: String, schemaVersion: UInt16, payload: [UInt8]) throws(EventDecodingError)
        -> any DomainEvent
    {
        guard let entry = entries[eventType] else { throw .unknownEventType(eventType) }
        guard schemaVersion >= 1, schemaVersion <= entry.currentVersion else {
            throw .unsupportedVersion(eventType: eventType, found: schemaVersion, current: entry.currentVersion)
        }
        do {
            let current = try upcast(payload, from: schemaVersion, entry: entry)
            return try entry.type.decoded(from: current, opener: opener)
        } catch let problem as UpcastProblem {
            throw .upcastFailed(eventType: eventType, fromVersion: schemaVersion, problem: problem)
        } catch {
            throw .malformedPayload(eventType: eventType, schemaVersion: schemaVersion, reason: "\(error)")
        }
    }

    private func upcast(_ payload: [UInt8], from version: UInt16, entry: Entry) throws -> Data {
        guard version < entry.currentVersion else { return Data(payload) }
        let tree = try EventCoding.decoder().decode(JSONValue.self, from: Data(payload))
        guard case .object(var object) = tree else {
            throw UpcastProblem(field: "(payload)", problem: "is not a JSON object")
        }
        for step in version..<entry.currentVersion {
            try entry.upcasters[step]!.transform(&object)
        }
        return try EventCoding.encoder().encode(JSONValue.object(object))
    }
}

/// Why a stored payload could not become a typed event.
public enum EventDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No event type of that name is registered.
    case unknownEventType(String)
    /// The stored version is newer than this build knows (or is zero).
    case unsupportedVersion(eventType: String, found: UInt16, current: UInt16)
    /// An upcaster could not reshape the old payload.
    case upcastFailed(eventType: String, fromVersion: UInt16, problem: UpcastProblem)
    /// The JSON did not match the type.
    case malformedPayload(eventType: String, schemaVersion: UInt16, reason: String)

    public var description: String {
        switch self {
        case .unknownEventType(let name):
            "unknown event type \(name)"
        case .unsupportedVersion(let name, let found, let current):
            "\(name) schema version \(found) is not supported (this build reads 1 to \(current))"
        case .upcastFailed(let name, let version, let problem):
            "\(name) v\(version) could not be upcast: \(problem.field) \(problem.problem)"
        case .malformedPayload(let name, let version, let reason):
            "\(name) v\(version) payload is malformed: \(reason)"
        }
    }
}

extension DomainEvent {
    /// Decodes a current-version payload.
    static func decoded(from data: Data, opener: (any PersonalDataOpener)?) throws -> any DomainEvent {
        let decoder = EventCoding.decoder()
        if let opener { decoder.userInfo[.personalDataOpener] = opener }
        return try decoder.decode(Self.self, from: data)
    }
}
