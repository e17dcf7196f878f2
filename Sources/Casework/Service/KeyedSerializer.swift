/// Runs operations one after another per key (per election stream), so two ballots for the
/// same election are never decided against the same held ballots. Keys are election ids, few
/// and long-lived, so their tails are kept.
actor KeyedSerializer {
    private var tails: [String: Task<Void, Never>] = [:]

    func run<T: Sendable>(_ key: String, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = tails[key]
        let task = Task { () async throws -> T in
            await previous?.value
            return try await operation()
        }
        tails[key] = Task { _ = try? await task.value }
        return try await task.value
    }
}
