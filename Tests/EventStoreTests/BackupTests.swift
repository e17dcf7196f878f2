import EventStore
import HarbourTestSupport
import Testing

@Suite("Backup")
struct BackupTests {
    @Test("a backup taken while appending opens and verifies")
    func hotBackup() async throws {
        try await withTemporaryStore { store, directory in
            for index in 0..<50 { _ = try await store.append(.samples(20), to: "client-\(index % 5)") }
            let appender = Task {
                var count = 0
                while !Task.isCancelled, count < 2_000 {
                    _ = try await store.append(.samples(5), to: "member-\(count % 3)")
                    count += 1
                }
                return count
            }
            let report = try await store.backup(to: directory.child("backup"))
            appender.cancel()
            _ = try await appender.value
            #expect(report.isIntact)
            #expect(report.eventsChecked >= 1_000)

            let copy = try EventStore.open(directory: directory.child("backup"), create: false)
            let copied = try copy.readAll(limit: 1_000)
            #expect(copied == (try store.readAll(limit: 1_000)))
            await copy.close()
        }
    }

    @Test("a backup refuses a destination that is not empty")
    func refusesNonEmpty() async throws {
        try await withTemporaryStore { store, directory in
            _ = try await store.append(.samples(1), to: "client-1")
            await #expect(throws: EventStoreError.invalidInput(field: "destination", problem: "\(directory.child("store")) is not empty")) {
                try await store.backup(to: directory.child("store"))
            }
        }
    }
}
