import Events
import Foundation

extension CaseworkService {
    /// How the events of one append become payload bytes: sealed under the stream's data key
    /// when the service has a key ring, in clear otherwise.
    ///
    /// The stream's key is created first, owned by the data subject (a referral's by its client),
    /// so everything later written to the stream is erased with that subject. A subject already
    /// erased gets no new personal data: the append is refused as a conflict.
    func payloadEncoder(for events: [any DomainEvent], stream: String) throws -> (any DomainEvent) throws -> [UInt8] {
        guard let keys else { return { try EventCoding.encode(any: $0) } }
        let owner = EventCoding.dataOwner(of: events, stream: stream)
        if owner != stream { try refusingErased(owner, keys) { try keys.ensureKey(stream, owner: owner) } }
        let context = SealingContext(sealer: keys, keyId: stream, owner: owner)
        let registry = reader.registry
        return { event in
            try refusingErased(owner, keys) { try EventCoding.sealedPayload(of: event, context: context, registry: registry) }
        }
    }
}

/// Runs `body`; when it fails because `owner` was erased, fails with a conflict that says so.
private func refusingErased<T>(_ owner: String, _ keys: any PersonalDataKeys, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        if try keys.isErased(owner) {
            throw DomainError.conflict("streamId", "\(owner) was erased: no personal data can be recorded for it again")
        }
        throw error
    }
}
