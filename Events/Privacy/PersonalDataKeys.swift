public import Foundation

/// Seals personal data with a stream's data key (creating the key, owned by `owner`, on first use).
public protocol PersonalDataSealer: Sendable {
    /// `plaintext` encrypted with the data key `keyId`; the key is created for `owner` (the data
    /// subject's stream, e.g. `client-c-0001`) when it does not exist yet.
    func seal(_ plaintext: Data, keyId: String, owner: String) throws -> SealedBox
    /// Creates the data key `keyId` for `owner` unless it exists, so a stream's key belongs to
    /// its subject before anything is sealed with it (a referral's, to the client).
    func ensureKey(_ keyId: String, owner: String) throws
    /// Makes every key created so far durable. Keys may be created without syncing; whoever
    /// appends sealed payloads calls this before the append, so no sealed field ever reaches
    /// the log before its key is on disk.
    func makeKeysDurable() throws
}

/// Opens sealed personal data while its key exists.
public protocol PersonalDataOpener: Sendable {
    /// The plaintext of `box`, or nil when its key was destroyed (or never existed here).
    /// - Throws: when the key exists but the box does not open with it (tampered or corrupt).
    func open(_ box: SealedBox) throws -> Data?
}

/// What the domain needs of the key ring: seal, open, and destroy a data subject's keys.
public protocol PersonalDataKeys: PersonalDataSealer, PersonalDataOpener {
    /// Destroys every data key owned by `owner` so nothing sealed with them can be opened again.
    func destroyKeys(ownedBy owner: String) throws
    /// True when `owner` has had its keys destroyed.
    func isErased(_ owner: String) throws -> Bool
}

/// The sealer and the data key one event is encoded with (see ``EventCoding/encode(_:sealing:)``).
public struct SealingContext: Sendable {
    /// Seals each personal field.
    public let sealer: any PersonalDataSealer
    /// The data key: the stream the event is appended to.
    public let keyId: String
    /// The data subject owning the key (what an erasure names).
    public let owner: String

    /// A context sealing with `keyId`, owned by `owner`.
    public init(sealer: any PersonalDataSealer, keyId: String, owner: String) {
        self.sealer = sealer
        self.keyId = keyId
        self.owner = owner
    }

    func seal(_ plaintext: Data) throws -> SealedBox {
        try sealer.seal(plaintext, keyId: keyId, owner: owner)
    }
}

/// An event whose stream's data key belongs to a subject other than the stream itself: a
/// referral's notes are the client's personal data and are erased with the client.
public protocol OwnedByDataSubject {
    /// The owning subject's stream, e.g. `client-c-0001`.
    var dataOwner: String { get }
}

extension CodingUserInfoKey {
    /// Where ``EventCoding/encode(_:sealing:)`` puts the ``SealingContext``.
    public static let sealingContext = CodingUserInfoKey(rawValue: "harbour.sealingContext")!
    /// Where an opening ``EventRegistry`` puts its ``PersonalDataOpener``.
    public static let personalDataOpener = CodingUserInfoKey(rawValue: "harbour.personalDataOpener")!
}
