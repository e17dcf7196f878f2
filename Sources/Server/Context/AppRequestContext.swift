import EventStore
public import Foundation
public import Hummingbird
import Logging

/// What Harbour knows about one request: its id (the correlation id of every event it
/// appends), where it came from, and who sent it.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// This request's id, a UUIDv7; the `correlationId` of the events it appends.
    public let requestId: UUID
    /// The peer's address, for sign-in throttling ("unknown" when there is none, as in tests).
    public let remoteAddress: String
    /// The live session, when the request carried a valid session cookie.
    public var session: Session?
    /// The signed-in account, when there is a session and the account is enabled.
    public var account: Account?
    /// The fields of a form post, read once when the CSRF token was checked.
    public var form: FormFields?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        let requestId = UUIDv7.make()
        self.requestId = requestId
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        self.logger[metadataKey: "request_id"] = .string(requestId.uuidString.lowercased())
    }
}
