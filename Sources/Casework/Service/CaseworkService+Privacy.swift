import Events
public import Foundation

extension CaseworkService {
    /// Erases a client: records ``PersonalDataErased`` (who, when, why), then destroys every data
    /// key the client owns, so nothing sealed for them can be opened again.
    ///
    /// Recording comes first so an erasure is never silent; if destruction then fails, running
    /// the erasure again destroys the keys (the event is not written twice).
    /// - Throws: ``DomainError`` when a rule refuses it (legal hold, unknown client), or when the
    ///   service has no key ring to destroy.
    @discardableResult
    public func erase(_ command: EraseClient, correlationId: UUID? = nil) async throws -> CommandOutcome {
        guard let keys else {
            throw DomainError.conflict("clientId", "cannot be erased: this service has no key ring (start it with the master key)")
        }
        let owner = StreamID.client(command.clientId)
        let state = try reader.state(ClientState.self, of: command.streamId)
        if let erasure = state.erasure, !(try keys.isErased(owner)) {
            try RolePolicy.authorize(command)
            try keys.destroyKeys(ownedBy: owner)
            throw DomainError.conflict("clientId", "was already erased on \(erasure.erasedOn); its keys are now destroyed too")
        }
        let outcome = try await execute(command, correlationId: correlationId)
        try keys.destroyKeys(ownedBy: owner)
        return outcome
    }
}
