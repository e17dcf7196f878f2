import ArgumentParser
import EventStore
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    /// Default data folder, relative to the working directory.
    static let defaultDataFolder = "./harbour-data"

    @Option(name: .customLong("data"), help: ArgumentHelp("The data folder (default: $HARBOUR_DATA or ./harbour-data).", valueName: "DIR"))
    var dataOption: String?

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    /// The data folder: --data, else HARBOUR_DATA, else ./harbour-data.
    var dataFolder: String {
        if let dataOption { return dataOption }
        if let environment = ProcessInfo.processInfo.environment["HARBOUR_DATA"], !environment.isEmpty { return environment }
        return Self.defaultDataFolder
    }

    /// True when the data folder holds a store (its LMDB data file).
    var storeExists: Bool { StoreFiles.holdsStore(dataFolder) }

    /// Runs `body` on the open store and closes it, whether `body` succeeds or throws.
    func withStore<T>(_ body: (EventStore) async throws -> T) async throws -> T {
        let store = try openStore()
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// Opens the existing store, or fails with a one-line message and ``ExitStatus/dataFolder``.
    func openStore() throws -> EventStore {
        guard storeExists else {
            throw CommandFailure(.dataFolder, "\(dataFolder) holds no Harbour store: run `harbour init --data \(dataFolder)` first, or pass --data")
        }
        return try StoreFiles.open(dataFolder, create: false)
    }
}

/// Recognizing and opening store folders.
enum StoreFiles {
    static func holdsStore(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/data.mdb")
    }

    /// Opens `folder`, turning "not a store" into ``ExitStatus/dataFolder``.
    static func open(_ folder: String, create: Bool) throws -> EventStore {
        do {
            return try EventStore.open(directory: folder, create: create)
        } catch let error as EventStoreError {
            switch error {
            case .notAStore, .formatTooNew: throw CommandFailure(.dataFolder, error.description)
            default: throw CommandFailure(.failure, error.description)
            }
        }
    }
}
