/// Every size the store accepts, named with its unit last. Each is checked on append and
/// answered with ``EventStoreError/limitExceeded(_:)`` naming the limit.
public struct StoreLimits: Sendable, Hashable {
    /// Largest payload of one event.
    public var eventPayloadBytesMax: Int
    /// Most events in one append request.
    public var batchEventsMax: Int
    /// Longest stream id. With 9 bytes of version suffix it must fit LMDB's key size (511).
    public var streamIdBytesMax: Int
    /// Longest event type name.
    public var eventTypeBytesMax: Int
    /// Longest actor id.
    public var actorBytesMax: Int
    /// Most payload bytes in one append request.
    public var batchPayloadBytesMax: Int
    /// Most events the writer commits in one LMDB transaction when it groups requests.
    public var groupCommitEventsMax: Int
    /// Most payload bytes the writer commits in one transaction (bounds LMDB's dirty pages).
    public var groupCommitPayloadBytesMax: Int
    /// How long the writer waits for concurrent appenders to join a commit (0: never waits).
    public var groupCommitDelayMicroseconds: Int
    /// Most events past the stream and category indexes before the writer catches them up.
    /// A reader in another process scans that many records at most (plus one commit's).
    public var indexTailEventsMax: Int
    /// How long the writer lets a shorter tail wait before it catches the indexes up.
    public var indexDelayMilliseconds: Int

    public init(
        eventPayloadBytesMax: Int = 1 << 20,
        batchEventsMax: Int = 10_000,
        streamIdBytesMax: Int = 200,
        eventTypeBytesMax: Int = 100,
        actorBytesMax: Int = 200,
        batchPayloadBytesMax: Int = 64 << 20,
        groupCommitEventsMax: Int = 20_000,
        groupCommitPayloadBytesMax: Int = 128 << 20,
        groupCommitDelayMicroseconds: Int = 200,
        indexTailEventsMax: Int = 4_096,
        indexDelayMilliseconds: Int = 100
    ) {
        self.eventPayloadBytesMax = eventPayloadBytesMax
        self.batchEventsMax = batchEventsMax
        self.streamIdBytesMax = streamIdBytesMax
        self.eventTypeBytesMax = eventTypeBytesMax
        self.actorBytesMax = actorBytesMax
        self.batchPayloadBytesMax = batchPayloadBytesMax
        self.groupCommitEventsMax = groupCommitEventsMax
        self.groupCommitPayloadBytesMax = groupCommitPayloadBytesMax
        self.groupCommitDelayMicroseconds = groupCommitDelayMicroseconds
        self.indexTailEventsMax = indexTailEventsMax
        self.indexDelayMilliseconds = indexDelayMilliseconds
    }
}
