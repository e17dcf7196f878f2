import Foundation
public import Logging
import LMDB

/// An append-only event log on LMDB: gapless global positions, streams with contiguous
/// versions, idempotent appends by event id, a SHA-256 hash chain, and live subscriptions.
///
/// Reads are synchronous and may run on any thread, each in its own snapshot. Appends go
/// through one writer that groups concurrent requests into one durable transaction.
public final class EventStore: Sendable {
    public let directory: String
    public let limits: StoreLimits
    let environment: Environment
    let layout: StoreLayout
    let writer: AppendWriter
    let headSignal: HeadSignal
    let tailIndex: TailIndex
    let logger: Logger

    /// Opens the store in `directory`, creating the folder and an empty store when `create`.
    ///
    /// - Throws: ``EventStoreError/notAStore(path:reason:)`` for a folder that is not a Harbour
    ///   store, ``EventStoreError/formatTooNew(found:supported:)`` for one written by a newer
    ///   Harbour (nothing is changed in either case), or ``EventStoreError/storage(_:)``.
    public static func open(
        directory: String,
        configuration: StoreConfiguration = .init(),
        create: Bool = true,
        logger: Logger = Logger(label: "harbour.eventstore", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws -> EventStore {
        try StoreDirectory.prepare(directory, create: create)
        let environment: Environment
        do {
            environment = try Environment(path: directory, configuration: configuration.environment)
        } catch let error as LMDBError where error.code == .invalid || error.code == .versionMismatch {
            throw EventStoreError.notAStore(path: directory, reason: error.message)
        }
        do {
            try checkLimitsFitKeys(configuration.limits, environment: environment)
            try StoreDirectory.checkFormat(environment, path: directory)
            let layout = try StoreLayout(environment: environment)
            if let upgraded = try StoreDirectory.stampFormatIfNew(environment, layout: layout) {
                logger.notice("upgraded the store's on-disk format", metadata: [
                    "directory": "\(directory)", "from": "\(upgraded)", "to": "\(StoreLayout.formatVersion)",
                ])
            }
            // One snapshot for both, so the unindexed tail ends where the log does even if another
            // process appends meanwhile. After a crash that tail exists only in the log.
            let (tail, unindexed) = try environment.read { transaction in
                (try LogTail.load(in: transaction, layout: layout),
                 try TailScan.tail(in: transaction, layout: layout, bounds: TailScan.bounds(in: transaction, layout: layout)))
            }
            logger.info("opened event store", metadata: [
                "directory": "\(directory)", "head": "\(tail.position)", "unindexed": "\(unindexed.eventCount)",
            ])
            let store = EventStore(
                directory: directory, configuration: configuration, environment: environment,
                layout: layout, tail: tail, unindexed: unindexed, logger: logger)
            if unindexed.eventCount > 0 {
                Task { [writer = store.writer] in await writer.catchUpIndexesLater() }
            }
            return store
        } catch {
            environment.close()
            throw EventStoreError.from(error, mapSizeBytesMax: configuration.environment.mapSizeBytesMax)
        }
    }

    private init(
        directory: String, configuration: StoreConfiguration, environment: Environment,
        layout: StoreLayout, tail: LogTail, unindexed: UnindexedTail, logger: Logger
    ) {
        self.directory = directory
        self.limits = configuration.limits
        self.environment = environment
        self.layout = layout
        self.logger = logger
        let headSignal = HeadSignal(head: tail.position)
        self.headSignal = headSignal
        let tailIndex = TailIndex(unindexed)
        self.tailIndex = tailIndex
        self.writer = AppendWriter(
            environment: environment, layout: layout, limits: configuration.limits,
            tail: tail, tailIndex: tailIndex, headSignal: headSignal, logger: logger)
    }

    private static func checkLimitsFitKeys(_ limits: StoreLimits, environment: Environment) throws {
        let keyBytesMax = environment.keySizeBytesMax
        guard limits.streamIdBytesMax + 9 <= keyBytesMax else {
            throw EventStoreError.invalidInput(
                field: "streamIdBytesMax",
                problem: "is \(limits.streamIdBytesMax), but stream keys must fit LMDB's key size of \(keyBytesMax) bytes with 9 bytes to spare")
        }
    }

    /// Position of the last committed event (0 for an empty log).
    public var headPosition: UInt64 { headSignal.head }

    /// Waits for every queued append, then closes the store. Later calls throw ``EventStoreError/closed``.
    public func close() async {
        await writer.shutDown()
        headSignal.close()
        environment.close()
        logger.info("closed event store", metadata: ["directory": "\(directory)"])
    }

    /// Runs an LMDB read, translating storage errors into the store's vocabulary.
    func read<R>(_ body: (LMDB.Transaction) throws -> R) throws -> R {
        do {
            return try environment.read(body)
        } catch {
            throw EventStoreError.from(error, mapSizeBytesMax: environment.configuration.mapSizeBytesMax)
        }
    }
}
