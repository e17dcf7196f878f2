extension EventStore {
    /// Appends `events` to `stream` atomically, if the stream is as `expected`.
    ///
    /// Returns once the events are durable. An event id already in the log with the same
    /// content makes the call an idempotent retry: nothing is written and the original
    /// positions come back (``AppendResult/appended`` is false).
    ///
    /// - Throws: ``EventStoreError/wrongExpectedVersion(stream:expected:actual:)``,
    ///   ``EventStoreError/eventIdConflict(eventId:existingPosition:)``,
    ///   ``EventStoreError/partialRetry(stream:alreadyAppended:of:)``,
    ///   ``EventStoreError/limitExceeded(_:)`` or ``EventStoreError/invalidInput(field:problem:)``
    ///   for bad input (nothing is written), ``EventStoreError/storeFull(mapSizeBytesMax:)``.
    public func append(_ events: [ProposedEvent], to stream: String, expected: ExpectedVersion = .any) async throws -> AppendResult {
        let request = try AppendValidation(limits: limits).request(events, stream: stream, expected: expected)
        return try await writer.append([request])[0].get()
    }

    /// Appends to several streams in one durable transaction: an explicit group commit, for
    /// imports and bulk loads. Each append succeeds or fails on its own, exactly as if it had
    /// been sent alone; the results come back in order.
    ///
    /// - Throws: ``EventStoreError/limitExceeded(_:)`` when the appends together exceed
    ///   ``StoreLimits/groupCommitEventsMax`` or ``StoreLimits/groupCommitPayloadBytesMax``.
    public func append(_ appends: [StreamAppend]) async throws -> [Result<AppendResult, any Error>] {
        let validation = AppendValidation(limits: limits)
        let checked = await validation.requestsInParallel(appends)
        let requests = checked.compactMap { try? $0.get() }
        try validation.checkGroup(requests)
        var committed = (await writer.append(requests)).makeIterator()
        return checked.map { outcome in
            guard case .failure(let refusal) = outcome else { return committed.next() ?? .failure(EventStoreError.closed) }
            return .failure(refusal)
        }
    }
}

/// One stream's share of a multi-stream append.
public struct StreamAppend: Sendable {
    public var stream: String
    public var events: [ProposedEvent]
    public var expected: ExpectedVersion

    public init(stream: String, events: [ProposedEvent], expected: ExpectedVersion = .any) {
        self.stream = stream
        self.events = events
        self.expected = expected
    }
}

/// Checks an append against the store's limits before it reaches the writer.
struct AppendValidation {
    let limits: StoreLimits

    func request(_ events: [ProposedEvent], stream: String, expected: ExpectedVersion) throws -> AppendRequest {
        if let problem = StreamName.problem(with: stream, limits: limits) {
            throw EventStoreError.invalidInput(field: "stream", problem: problem)
        }
        guard !events.isEmpty else { throw EventStoreError.invalidInput(field: "events", problem: "is empty") }
        try check(events.count, max: limits.batchEventsMax, limit: "batchEventsMax", subject: "the number of events in the batch")
        var payloadBytes = 0
        var eventIds: [UUIDOrder] = []
        eventIds.reserveCapacity(events.count)
        var isIncreasing = true
        for index in events.indices {
            try check(events[index], index: index)
            let id = UUIDOrder(events[index].eventId)
            if let last = eventIds.last, id <= last { isIncreasing = false }
            eventIds.append(id)
            payloadBytes += events[index].payload.count
        }
        if !isIncreasing { try checkDistinct(events) }
        try check(payloadBytes, max: limits.batchPayloadBytesMax, limit: "batchPayloadBytesMax", subject: "the batch's payload size in bytes")
        return AppendRequest(stream: stream, events: events, eventIds: eventIds, expected: expected, payloadBytes: payloadBytes)
    }

    /// Ids that increase along the batch (as minted here) are distinct without hashing them.
    private func checkDistinct(_ events: [ProposedEvent]) throws {
        var seen = Set<UUIDOrder>(minimumCapacity: events.count)
        for event in events where !seen.insert(UUIDOrder(event.eventId)).inserted {
            throw EventStoreError.duplicateEventInBatch(eventId: event.eventId)
        }
    }

    /// A group of at least this many events is checked and encoded on two cores: the writer
    /// waits for all of it, so a bulk load's wall-clock time includes it.
    static let parallelEventsMin = 2_048

    /// ``request(_:stream:expected:)`` for each append, in order; a large group's two halves
    /// (by events) on two tasks.
    func requestsInParallel(_ appends: [StreamAppend]) async -> [Result<AppendRequest, any Error>] {
        let events = appends.reduce(0) { $0 + $1.events.count }
        guard events >= Self.parallelEventsMin, appends.count > 1 else { return requests(appends[...]) }
        var middle = 0
        var firstHalfEvents = 0
        while middle < appends.count - 1 && firstHalfEvents < events / 2 {
            firstHalfEvents += appends[middle].events.count
            middle += 1
        }
        async let secondHalf = requests(appends[middle...])
        return requests(appends[..<middle]) + (await secondHalf)
    }

    private func requests(_ appends: ArraySlice<StreamAppend>) -> [Result<AppendRequest, any Error>] {
        appends.map { append in Result { try request(append.events, stream: append.stream, expected: append.expected) } }
    }

    func checkGroup(_ requests: [AppendRequest]) throws {
        let events = requests.reduce(0) { $0 + $1.events.count }
        let bytes = requests.reduce(0) { $0 + $1.payloadBytes }
        try check(events, max: limits.groupCommitEventsMax, limit: "groupCommitEventsMax", subject: "the number of events in the group")
        try check(bytes, max: limits.groupCommitPayloadBytesMax, limit: "groupCommitPayloadBytesMax", subject: "the group's payload size in bytes")
    }

    /// Field names are built only when something is wrong: this runs for every event appended.
    private func check(_ event: ProposedEvent, index: Int) throws {
        try checkName(event.eventType, field: "events[\(index)].eventType", max: limits.eventTypeBytesMax, limit: "eventTypeBytesMax")
        try checkName(event.actor, field: "events[\(index)].actor", max: limits.actorBytesMax, limit: "actorBytesMax")
        try check(event.payload.count, max: limits.eventPayloadBytesMax, limit: "eventPayloadBytesMax", subject: "events[\(index)].payload size in bytes")
    }

    private func checkName(_ value: String, field: @autoclosure () -> String, max: Int, limit: String) throws {
        let scan = NameBytes.scan(value)
        if scan.count == 0 { throw EventStoreError.invalidInput(field: field(), problem: "is empty") }
        try check(scan.count, max: max, limit: limit, subject: "\(field()) length in bytes")
        if scan.hasControl { throw EventStoreError.invalidInput(field: field(), problem: "contains a control character") }
    }

    private func check(_ actual: Int, max: Int, limit: String, subject: @autoclosure () -> String) throws {
        guard actual <= max else {
            throw EventStoreError.limitExceeded(.init(limit: limit, actual: actual, maximum: max, subject: subject()))
        }
    }
}
