import Casework
import Events
import Foundation
import Hummingbird

/// Corrections: replace or void any fact with a reason (who may depends on the stream's kind).
struct CorrectionAPI {
    let services: AppServices

    /// The kinds of record whose facts can be corrected.
    static let categories = [
        StreamID.clientCategory, StreamID.referralCategory, StreamID.partnerCategory, StreamID.contractCategory, StreamID.memberCategory,
        StreamID.userCategory, StreamID.electionCategory,
    ]
    /// Everyone who may correct something, somewhere; Casework checks the stream's kind.
    static let correctors: Set<Role> = Set(categories.flatMap { RolePolicy.correctionRoles(category: $0, voiding: false) })
    /// Everyone who may void something, somewhere.
    static let voiders: Set<Role> = Set(categories.flatMap { RolePolicy.correctionRoles(category: $0, voiding: true) })

    /// `stream` when it names a record of a correctable kind (`client-…`), else 422.
    static func checked(_ stream: String) throws -> String {
        let category = StreamID.category(of: stream)
        guard categories.contains(category), stream.count > category.count + 1 else {
            throw ProblemDetails(
                .unprocessableContent, detail: "stream must name a record such as client-123.",
                errors: [FieldProblem(field: "stream", problem: "is not a record of a kind that can be corrected (\(categories.joined(separator: ", "))) (got '\(stream)')")])
        }
        return stream
    }

    struct Replacement: Decodable { let eventType: String; let payload: JSONValue }
    struct CorrectBody: Decodable { let stream: String; let originalEventId: UUID; let reason: FreeText; let replacement: Replacement }
    struct VoidBody: Decodable { let stream: String; let originalEventId: UUID; let reason: FreeText }

    static let commandRoutes: [CommandRoute] = [
        CommandRoute(
            RouteKey(.post, "/api/corrections/correct"), "Replace a recorded fact with a corrected one of the same type, with a reason.",
            schema: .object(
                properties: [
                    "stream": .string(), "originalEventId": .string(format: "uuid"), "reason": .string(),
                    "replacement": .object(properties: ["eventType": .string(), "payload": .anyObject], required: ["eventType", "payload"]),
                ], required: ["stream", "originalEventId", "reason", "replacement"])
        ) { (b: CorrectBody, c, _) in
            CorrectEvent(actor: c.actor, stream: try Self.checked(b.stream), originalEventId: b.originalEventId, reason: b.reason, replacement: try Self.decode(b.replacement))
        },
        CommandRoute(
            RouteKey(.post, "/api/corrections/void"), "Void a recorded fact, with a reason (it stops counting; the audit keeps it).",
            schema: .object(properties: ["stream": .string(), "originalEventId": .string(format: "uuid"), "reason": .string()], required: ["stream", "originalEventId", "reason"])
        ) { (b: VoidBody, c, _) in VoidEvent(actor: c.actor, stream: try Self.checked(b.stream), originalEventId: b.originalEventId, reason: b.reason) },
    ]

    var endpoints: [Endpoint] { Self.commandRoutes.map { $0.endpoint(services) } }

    /// The replacement as a typed event of the current schema, or 422 naming what is wrong.
    static func decode(_ replacement: Replacement) throws -> any DomainEvent {
        let registry = EventRegistry.standard
        guard let entry = registry.entries[replacement.eventType] else {
            throw ProblemDetails(.unprocessableContent, detail: "Unknown event type.", errors: [FieldProblem(field: "replacement.eventType", problem: "is not an event type (got '\(replacement.eventType)')")])
        }
        let payload = try JSONEncoder().encode(replacement.payload)
        do {
            return try registry.decode(eventType: replacement.eventType, schemaVersion: entry.currentVersion, payload: Array(payload))
        } catch {
            throw ProblemDetails(.unprocessableContent, detail: "The replacement is not a valid \(replacement.eventType).", errors: [FieldProblem(field: "replacement.payload", problem: "\(error)")])
        }
    }
}
