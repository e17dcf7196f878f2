/// Runs operations one after another per key (per election stream), so two ballots for the
/// same election are never decided against the same held ballots. A key is forgotten as soon
/// as its last queued operation is done, so the serializer holds only keys with work in flight
/// and can take keys as many and short-lived as client streams.
actor KeyedSerializer {
    private var tails: [String: (ticket: UInt64, done: Task<Void, Never>)] = [:]
    private var ticketsIssued: UInt64 = 0

    /// Keys with an operation queued or running.
    var keysInFlight: Int { tails.count }

    func run<T: Sendable>(_ key: String, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = tails[key]?.done
        let task = Task { () async throws -> T in
            await previous?.value
            return try await operation()
        }
        ticketsIssued += 1
        let ticket = ticketsIssued
        tails[key] = (ticket, Task { _ = try? await task.value })
        // Back on the actor after the operation: nothing queued behind it, so the key goes.
        defer { if tails[key]?.ticket == ticket { tails[key] = nil } }
        return try await task.value
    }
}
