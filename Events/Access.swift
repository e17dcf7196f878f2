/// Why someone opened a client's file.
public enum AccessPurpose: String, CodedValue {
    case casework, supervision, reporting, audit, privacyRequest
}

/// Someone opened a client's file. The viewer is the envelope's actor; recorded so a privacy
/// request can be answered with who saw the client's data and why. Lives in the client's
/// `access-<id>` stream, not the client's own: a view must not change the version that an
/// edit of the file expects (`If-Match`).
public struct ClientFileViewed: DomainEvent {
    public static let eventType = "ClientFileViewed"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "Someone opened a client's file, and why."

    /// The client whose file was viewed.
    public let clientId: ClientID
    /// Why it was opened.
    public let purpose: AccessPurpose

    /// A ClientFileViewed with every field given.
    public init(clientId: ClientID, purpose: AccessPurpose) {
        self.clientId = clientId
        self.purpose = purpose
    }

    public var streamId: String { StreamID.access(clientId) }

    public static var example: ClientFileViewed { ClientFileViewed(clientId: ClientID("c-0001"), purpose: .casework) }
}
