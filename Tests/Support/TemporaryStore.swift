public import EventStore
import LMDB

/// Runs `body` with a new event store in a temporary folder, then closes and deletes it.
public func withTemporaryStore<R>(
    configuration: StoreConfiguration = .init(),
    _ body: (EventStore, TemporaryDirectory) async throws -> R
) async throws -> R {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try EventStore.open(directory: directory.child("store"), configuration: configuration)
    do {
        let result = try await body(store, directory)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}

/// Runs `body` with a new event store in a temporary folder; `body` gets only the store.
public func withTemporaryStore<R>(
    configuration: StoreConfiguration = .init(),
    _ body: (EventStore) async throws -> R
) async throws -> R {
    try await withTemporaryStore(configuration: configuration) { store, _ in try await body(store) }
}

extension StoreConfiguration {
    /// A configuration whose map starts at `mapSizeBytes`, to exercise growth.
    public static func small(mapSizeBytes: Int = 1 << 20) -> StoreConfiguration {
        StoreConfiguration(environment: EnvironmentConfiguration(mapSizeBytes: mapSizeBytes))
    }
}
