public import EventStore
public import Events
public import Foundation

/// Loads a stream, folds it, gathers facts, decides, and appends with the expected version,
/// retrying a bounded number of times when another writer got there first.
public final class CaseworkService: Sendable {
    /// Retries after a `wrongExpectedVersion` before the command fails with a conflict.
    public static let conflictRetriesMax = 3

    let log: any EventLog
    let reader: FactReader
    let policy: CaseworkPolicy
    let timeZone: TimeZone
    /// Today in `timeZone`, asked for on every command.
    let days: CalendarDayCache
    let clock: @Sendable () -> Timestamp
    /// Seals personal fields before append and opens them on read; nil keeps them in clear
    /// (tests and tools that hold no personal data).
    let keys: (any PersonalDataKeys)?
    /// Queues commands per stream (see ``decideAndAppend(_:correlationId:causationId:conditions:)``)
    /// and ballots per election.
    let serializer = KeyedSerializer()
    /// Where election ballot keys live (see `BallotSealed`); nil when the log is not an
    /// `EventStore` and none was given, and then ballots cannot be cast.
    let ballotKeys: (any BallotKeyStore)?

    /// A service over `log`. Directories default to ones folded from the log itself; ballot
    /// keys default to the folder `ballot-keys` beside an `EventStore`'s files. With `keys`,
    /// every personal field is sealed with its stream's data key before it is appended, and
    /// opened as the service reads.
    public init(
        log: any EventLog, timeZone: TimeZone, policy: CaseworkPolicy = CaseworkPolicy(),
        registry: EventRegistry = .standard, keys: (any PersonalDataKeys)? = nil, clients: (any ClientDirectory)? = nil,
        members: (any MemberDirectory)? = nil, users: (any UserDirectory)? = nil, ballotKeys: (any BallotKeyStore)? = nil,
        clock: @escaping @Sendable () -> Timestamp = { .now() }
    ) {
        let registry = keys.map { registry.opening(with: $0) } ?? registry
        self.keys = keys
        let directory = LogDirectory(log: log, registry: registry)
        self.log = log
        self.reader = FactReader(
            log: log, registry: registry, clients: clients ?? directory, members: members ?? directory,
            users: users ?? directory)
        self.policy = policy
        self.timeZone = timeZone
        self.days = CalendarDayCache(timeZone: timeZone)
        self.clock = clock
        self.ballotKeys = ballotKeys ?? (log as? EventStore).map { BallotKeyDirectory.beside($0) }
    }

    /// The decision context for now: today in the agency's zone, and its policy.
    public func context(at now: Timestamp) -> DecisionContext {
        DecisionContext(today: days.day(of: now.date), policy: policy)
    }

    /// Decides `command` against its stream and appends the events it produces.
    /// - Throws: ``DomainError`` when a rule refuses it (or the stream kept changing past
    ///   ``conflictRetriesMax`` retries), or the store's and decoder's errors.
    @discardableResult
    public func execute<C: Command>(_ command: C, correlationId: UUID? = nil, causationId: UUID? = nil) async throws
        -> CommandOutcome
    {
        try await decideAndAppend(command, correlationId: correlationId, causationId: causationId, conditions: WriteConditions())
    }

    /// Loads, checks the expected version, decides and appends. Commands that decide against
    /// their stream queue behind each other per stream in this service (a second write to one
    /// client waits for the first instead of losing the race and deciding again); a race lost
    /// to another writer of the log is still retried (whereupon the version check refuses a
    /// write pinned to the version that moved).
    func decideAndAppend<C: Command>(
        _ command: C, correlationId: UUID?, causationId: UUID?, conditions: WriteConditions
    ) async throws -> CommandOutcome {
        guard C.State.historyNeeded == .wholeStream else {
            return try await decideAndAppendOnce(command, correlationId: correlationId, causationId: causationId, conditions: conditions)
        }
        return try await serializer.run(command.streamId) {
            try await self.decideAndAppendOnce(command, correlationId: correlationId, causationId: causationId, conditions: conditions)
        }
    }

    private func decideAndAppendOnce<C: Command>(
        _ command: C, correlationId: UUID?, causationId: UUID?, conditions: WriteConditions
    ) async throws -> CommandOutcome {
        // A stream whose decisions read nothing from it cannot be changed under a decision,
        // so concurrent appends to it (views of one file) share a commit instead of racing.
        let unread = C.State.historyNeeded != .wholeStream && conditions.expectedVersion == nil
        return try await withConflictRetries(stream: command.streamId) {
            let history =
                unread && C.State.historyNeeded == .nothing
                ? StreamHistory(streamId: command.streamId, version: nil)
                : try self.reader.history(of: command.streamId, for: C.State.self)
            try Self.check(conditions, stream: command.streamId, version: history.version)
            let state = try C.State.load(from: history, registry: self.reader.registry)
            let facts = try await command.gatherFacts(from: self.reader)
            let now = self.clock()
            let events = try Decider.decide(command, state: state, facts: facts, context: self.context(at: now))
            return try await self.append(
                events, to: command.streamId, after: history.version, expecting: unread ? .any : nil, actor: command.actor,
                now: now, correlationId: correlationId, causationId: causationId, idempotencyKey: conditions.idempotencyKey)
        }
    }

    /// Runs `attempt` again while it fails with `wrongExpectedVersion`, at most
    /// ``conflictRetriesMax`` more times.
    func withConflictRetries<T>(stream: String, _ attempt: () async throws -> T) async throws -> T {
        for _ in 0..<Self.conflictRetriesMax {
            do {
                return try await attempt()
            } catch EventStoreError.wrongExpectedVersion {
                continue
            }
        }
        do {
            return try await attempt()
        } catch EventStoreError.wrongExpectedVersion {
            throw DomainError.conflict(
                "streamId", "\(stream) kept changing while the command was decided; gave up after \(Self.conflictRetriesMax) retries")
        }
    }

    /// Encodes `events` and appends them to `stream`, expecting it at `version` (nil: new)
    /// unless `expecting` says otherwise. With `idempotencyKey` the events take the ids
    /// ``WriteConditions/eventId(key:index:)`` derives, so the store refuses a second copy.
    func append(
        _ events: [any DomainEvent], to stream: String, after version: UInt64?, expecting: ExpectedVersion? = nil,
        actor: ActingUser, now: Timestamp, correlationId: UUID?, causationId: UUID?, idempotencyKey: UUID? = nil
    ) async throws -> CommandOutcome {
        let today = context(at: now).today
        let correlation = correlationId ?? UUIDv7.make(at: now)
        let encode = try payloadEncoder(for: events, stream: stream)
        let proposed = try events.enumerated().map { index, event in
            ProposedEvent(
                eventId: idempotencyKey.map { WriteConditions.eventId(key: $0, index: index) } ?? UUIDv7.make(at: now), eventType: event.eventType, schemaVersion: event.schemaVersion,
                occurredAt: Timestamp.occurred(event, now: now, today: today, timeZone: timeZone),
                actor: actor.userId.rawValue, correlationId: correlation, causationId: causationId,
                payload: try encode(event))
        }
        let expected: ExpectedVersion = expecting ?? version.map { .exactly($0) } ?? .noStream
        try keys?.makeKeysDurable()
        let result = try await log.append(proposed, to: stream, expected: expected)
        return CommandOutcome(
            events: events, eventIds: proposed.map(\.eventId), positions: result.positions,
            streamVersion: result.streamVersion)
    }
}
