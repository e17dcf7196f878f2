import AgencyHistory
import ArgumentParser
import EventStore
import Foundation
import Logging
import Privacy
import Projections
import Server

/// `harbour serve`: the web app on a local port, over the data folder.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web app: the JSON API (with /openapi.json) and the pages for workers and administrators.",
        discussion: """
            On first run with an empty data folder, the folder is created and seeded with a generated
            demo agency history. If no administrator can sign in yet, the account `admin` gets the
            password in HARBOUR_ADMIN_PASSWORD, or a generated one printed once; demo staff accounts
            created by the seeding share it. Personal fields are sealed with data keys in <data>/keys,
            wrapped by the master key from HARBOUR_MASTER_KEY_FILE (mode 0600) or HARBOUR_MASTER_KEY.

            Example:
              HARBOUR_MASTER_KEY_FILE=~/.harbour-master.key harbour serve
              HARBOUR_ADMIN_PASSWORD='a long passphrase' harbour serve --port 9000 --data /srv/harbour
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "Interface to listen on.")
    var host = "127.0.0.1"

    @Option(help: "TCP port to listen on.")
    var port = 8080

    @Flag(help: "Mark the session cookie Secure: use when Harbour is served over TLS (directly or behind a proxy).")
    var secureCookie = false

    @Option(help: ArgumentHelp("The agency's time zone, for today's date in every decision.", valueName: "IDENTIFIER"))
    var timeZone = TimeZone.current.identifier

    @Option(help: ArgumentHelp("Events of demo history to seed an empty store with (0: none).", valueName: "N"))
    var demoEvents = 5_000

    @Option(
        help: ArgumentHelp(
            "Lowest level logged: trace, debug, info (one line per request), notice, warning, error or critical. "
                + "Lines that are logged keep their request id.", valueName: "LEVEL"))
    var logLevel = "info"

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1 to 65535 (got \(port))") }
        guard TimeZone(identifier: timeZone) != nil else { throw ValidationError("--time-zone \(timeZone) is not a known time zone") }
        guard demoEvents >= 0 else { throw ValidationError("--demo-events must be 0 or more (got \(demoEvents))") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--log-level must be one of \(levels) (got \(logLevel))")
        }
    }

    func run() async throws {
        // Request loggers get metadata on every request; this handler renders it only for lines written.
        LoggingSystem.bootstrap { label in DeferredMetadataLogHandler(label: label) }
        let keys = try KeyAccess.keyRing(dataFolder: options.dataFolder)
        let store = try StoreFiles.open(options.dataFolder, create: true)
        do {
            try await serve(store, keys: keys)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    private func serve(_ store: EventStore, keys: KeyRing) async throws {
        let configuration = ServerConfiguration(
            host: host, port: port, timeZone: TimeZone(identifier: timeZone)!, cookieSecure: secureCookie)
        let seeded = store.headPosition == 0 && demoEvents > 0
        if seeded { try await seedDemo(store, keys: keys) }
        try await ServeSetup.ensureAdministrator(store: store, configuration: configuration, demoSeeded: seeded)
        var logger = Logger(label: "harbour.server")
        logger.logLevel = Logger.Level(rawValue: logLevel)!
        let services = try AppServices(store: store, configuration: configuration, keys: keys)
        Terminal.print("Harbour is serving \(options.dataFolder) at http://\(host):\(port)/ (Ctrl-C to stop)")
        let before = await store.writerStatistics()
        let readModelCommitsBefore = services.projections.followCommits
        try await runApplication(services: services, logger: logger)
        Self.logGroupCommit(since: before, now: await store.writerStatistics(), logger: logger)
        logger.notice(
            "read models while serving", metadata: ["commits": "\(services.projections.followCommits - readModelCommitsBefore)"])
    }

    /// How well the writes made while serving shared commits (the benchmark reads this line).
    private static func logGroupCommit(since before: WriterStatistics, now: WriterStatistics, logger: Logger) {
        let commits = now.commits - before.commits
        let requests = now.requests - before.requests
        let milliseconds = Double(now.commitMicroseconds - before.commitMicroseconds) / 1_000
        logger.notice(
            "log writer while serving",
            metadata: [
                "commits": "\(commits)", "requests": "\(requests)",
                "requestsPerCommit": "\(commits == 0 ? 0 : Double(requests) / Double(commits))",
                "commitMillisecondsMean": "\(commits == 0 ? 0 : milliseconds / Double(commits))",
            ])
    }

    private func seedDemo(_ store: EventStore, keys: KeyRing) async throws {
        for batch in AgencyHistory(seed: 2025, count: demoEvents, sealer: keys).batches() {
            for outcome in try await store.append(batch) { _ = try outcome.get() }
        }
        Terminal.print("seeded \(options.dataFolder) with a generated demo agency history of \(demoEvents.grouped) events")
    }
}
