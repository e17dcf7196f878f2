import Foundation
public import Events

extension EraseClient {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        guard state.exists else { throw .notFound("clientId", "names no registered client (\(clientId))") }
        if let erasure = state.erasure { throw .conflict("clientId", "was already erased on \(erasure.erasedOn)") }
        if let hold = state.legalHolds.values.sorted(by: { $0.holdId < $1.holdId }).first {
            throw .conflict(
                "clientId",
                "is under legal hold \(hold.holdId) (\(hold.reason), placed on \(hold.placedOn)); release the hold before erasing")
        }
        try PrivacyRules.reference(reference, field: "reference")
        return [PersonalDataErased(clientId: clientId, erasedOn: context.today, ground: ground, reference: reference)]
    }
}

extension PlaceLegalHold {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        guard state.exists else { throw .notFound("clientId", "names no registered client (\(clientId))") }
        if let erasure = state.erasure { throw .conflict("clientId", "was erased on \(erasure.erasedOn); there is nothing left to hold") }
        try PrivacyRules.holdId(holdId)
        guard state.legalHolds[holdId] == nil else { throw .conflict("holdId", "\(holdId) is already in force") }
        try PrivacyRules.reference(reason, field: "reason")
        return [LegalHoldPlaced(clientId: clientId, holdId: holdId, reason: reason, placedOn: context.today)]
    }
}

extension ReleaseLegalHold {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        guard state.exists else { throw .notFound("clientId", "names no registered client (\(clientId))") }
        guard state.legalHolds[holdId] != nil else {
            let inForce = state.legalHolds.keys.sorted().joined(separator: ", ")
            throw .notFound("holdId", "\(holdId) is not in force (holds in force: \(inForce.isEmpty ? "none" : inForce))")
        }
        return [LegalHoldReleased(clientId: clientId, holdId: holdId, releasedOn: context.today)]
    }
}

/// Rules for the privacy commands' own fields: these stay readable after erasure, so they must
/// be short references, never a description of the person.
enum PrivacyRules {
    /// Longest reference or hold reason, in characters.
    static let referenceCharactersMax = 200
    /// Longest hold id, in characters.
    static let holdIdCharactersMax = 64

    static func reference(_ text: String, field: String) throws(DomainError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .validation(field, "is empty") }
        guard trimmed.count <= referenceCharactersMax else {
            throw .validation(field, "is \(trimmed.count) characters; at most \(referenceCharactersMax)")
        }
    }

    static func holdId(_ id: String) throws(DomainError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !id.isEmpty, id.count <= holdIdCharactersMax, id.allSatisfy(allowed.contains) else {
            throw .validation("holdId", "must be 1 to \(holdIdCharactersMax) letters, digits, '-', '_' or '.'")
        }
    }
}
