import AgencyHistory
import ArgumentParser
import EventStore
import Foundation
import Privacy

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create the data folder, seed it with a generated agency history on first run, and summarize the log.",
        discussion: """
            On first run (no store, or an empty one) the data folder is created and seeded with
            a generated history, its personal fields sealed with data keys in <data>/keys (the
            master key comes from HARBOUR_MASTER_KEY_FILE or HARBOUR_MASTER_KEY); later runs only summarize: events by type, streams by
            category, the head, and whether the hash chain verifies.

            Example:
              harbour privacy new-master-key --file ~/.harbour-master.key
              HARBOUR_MASTER_KEY_FILE=~/.harbour-master.key harbour demo
              HARBOUR_DATA=/tmp/harbour-demo harbour demo --events 20000
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("Events to seed a new store with.", valueName: "N"))
    var events = 5_000

    @Option(help: "Seed of the generated history.")
    var seed: UInt64 = 2025

    func run() async throws {
        let keys = try KeyAccess.keyRing(dataFolder: options.dataFolder)
        let store = try StoreFiles.open(options.dataFolder, create: true)
        do {
            if store.headPosition == 0 { try await seedStore(store, keys: keys) }
            try summarize(store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    private func seedStore(_ store: EventStore, keys: KeyRing) async throws {
        let progress = ProgressReport("seeding", total: UInt64(events), quiet: options.quiet)
        for batch in AgencyHistory(seed: seed, count: events, sealer: keys).batches() {
            for outcome in try await store.append(batch) { _ = try outcome.get() }
            progress.update(store.headPosition)
        }
        progress.finish()
        Terminal.print("seeded \(options.dataFolder) with a generated agency history of \(events.grouped) events (seed \(seed))\n")
    }

    private func summarize(_ store: EventStore) throws {
        var byType: [String: Int] = [:]
        var streamsByCategory: [String: Set<String>] = [:]
        try store.scan { event in
            byType[event.eventType, default: 0] += 1
            streamsByCategory[event.category, default: []].insert(event.streamId)
            return true
        }
        let head = store.headPosition
        let last = try head > 0 ? store.event(at: head)?.recordedAt.iso8601 ?? "" : "none"
        Terminal.print("Harbour store in \(options.dataFolder): \(head.grouped) events, last recorded at \(last)\n")
        Terminal.print("Events by type:")
        for (type, count) in byType.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            Terminal.print("  " + type.padding(toLength: 24, withPad: " ", startingAt: 0) + count.grouped)
        }
        Terminal.print("\nStreams by category:")
        for (category, streams) in streamsByCategory.sorted(by: { $0.key < $1.key }) {
            Terminal.print("  " + category.padding(toLength: 24, withPad: " ", startingAt: 0) + streams.count.grouped)
        }
        let report = try store.verify()
        if let problem = report.firstProblem {
            throw CommandFailure(.verificationFailed, "verification failed at position \(problem.position): \(problem.reason)")
        }
        Terminal.print("\nHash chain verified: \(report.eventsChecked.grouped) events intact.")
    }
}
