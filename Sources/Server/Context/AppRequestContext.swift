import EventStore
public import Foundation
public import Hummingbird
import NIOCore
import Logging

/// What Harbour knows about one request: its id (the correlation id of every event it
/// appends), where it came from, and who sent it.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// This request's id, a UUIDv7; the `correlationId` of the events it appends.
    public let requestId: UUID
    /// ``requestId`` as the `X-Request-Id` header and the logs spell it (lower case).
    public let requestIdText: String
    /// The peer, when the channel has one (tests run without sockets).
    private let peer: SocketAddress?
    /// The event loop of the request's connection.
    let eventLoop: any EventLoop
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
        self.requestIdText = UUIDText.lowercase(requestId)
        self.peer = source.channel.remoteAddress
        self.eventLoop = source.channel.eventLoop
        self.logger[metadataKey: "request_id"] = .string(requestIdText)
    }

    /// The peer's address, for sign-in throttling ("unknown" when there is none, as in tests);
    /// spelled out only when a sign-in asks, not for every request.
    public var remoteAddress: String { peer?.ipAddress ?? "unknown" }
}
