public import EventStore
import LMDB

/// Every read model, answering from the projections' LMDB environment. Each query runs in one
/// read transaction, so it sees one consistent batch; ``position`` is the last position the
/// models had applied when this value was taken (queries may see later batches). The host
/// hands out the live ones; ``ReadModels/asOf(position:store:)`` builds past ones apart.
public struct ReadModels: Sendable {
    /// The log (client files and the audit trail read event details from it).
    public let store: EventStore
    let source: ModelSource
    /// Checkpoint of each model answering queries, by projection name.
    let checkpoints: [String: UInt64]

    init(store: EventStore, source: ModelSource, checkpoints: [String: UInt64]) {
        self.store = store
        self.source = source
        self.checkpoints = checkpoints
    }

    /// The last position these models include.
    public var position: UInt64 { checkpoints.values.min() ?? 0 }

    /// Per client: case, worker, follow-ups, contacts; per referral: its state.
    public var caseload: FactState<CaseloadProjection> { state() }
    /// Positions of every event per client, referral and actor.
    public var records: FactState<RecordsProjection> { state() }
    /// Client profiles, services by contract and month, referrals and partners.
    public var funder: FactState<FunderProjection> { state() }
    /// The membership register's facts per member.
    public var membership: FactState<MembershipProjection> { state() }
    /// Per election: roll size, turnout, tallies.
    public var elections: FactState<ElectionsProjection> { state() }
    /// Needs, services by domain, referrals by partner.
    public var partnership: FactState<PartnershipProjection> { state() }

    private func state<P: FactProjection>() -> FactState<P> {
        FactState(source: source, checkpoint: checkpoints[P.name] ?? 0)
    }

    /// True when both hold the same facts at the same checkpoints (false if either cannot be
    /// read). Reads every model in full: for tests and tools.
    public func sameModels(as other: ReadModels) -> Bool {
        do {
            guard checkpoints == other.checkpoints else { return false }
            let caseloads = (try caseload.allRows(), try other.caseload.allRows())
            let records = (try self.records.allRows(), try other.records.allRows())
            let funders = (try funder.allRows(), try other.funder.allRows())
            let memberships = (try membership.allRows(), try other.membership.allRows())
            let elections = (try self.elections.allRows(), try other.elections.allRows())
            let partnerships = (try partnership.allRows(), try other.partnership.allRows())
            return caseloads.0 == caseloads.1 && records.0 == records.1 && funders.0 == funders.1 && memberships.0 == memberships.1
                && elections.0 == elections.1 && partnerships.0 == partnerships.1
        } catch {
            return false
        }
    }

    /// Runs `body` in one read transaction of the models' environment.
    func read<R>(_ body: (ModelTransaction) throws -> R) throws -> R {
        try source.storage.environment.read { txn in try body(ModelTransaction(txn: txn, source: source)) }
    }
}

/// One read transaction over the models, resolving each projection's active version in it.
struct ModelTransaction {
    let txn: Transaction
    let source: ModelSource

    /// A reader of projection `P`'s model that answers queries now.
    func reader<P: FactProjection>(_ projection: P.Type) throws -> ModelReader<P> {
        let version = try source.storage.activeVersion(of: P.name, in: txn)
        guard let version, let databases = source.databases[P.name]?[version] else {
            throw ProjectionError.corruptRow(projection: P.name, detail: "the active version \(version.map(String.init) ?? "none") has no open databases")
        }
        return ModelReader(txn: txn, databases: databases)
    }
}

/// One projection's read model as stored: its facts by row, read on demand.
public struct FactState<P: FactProjection>: Sendable {
    let source: ModelSource
    /// The last applied position (0 before any) when the models were taken.
    public let checkpoint: UInt64

    /// The facts of one row, in log order (empty when it has none).
    public func entries(_ key: RowKey) throws -> [FactEntry<P.Fact>] {
        try read { try $0.entries(key) }
    }

    /// Every row with its facts. Reads the whole model: for tests, tools and small models.
    public func allRows() throws -> [RowKey: [FactEntry<P.Fact>]] {
        try read { try $0.allRows() }
    }

    /// Rows and facts per table, by table name, without decoding any fact.
    public func tableCounts() throws -> [(table: String, rows: Int, facts: Int)] {
        try read { try $0.tableCounts() }.sorted { $0.key < $1.key }.map { ($0.key, $0.value.rows, $0.value.facts) }
    }

    private func read<R>(_ body: (ModelReader<P>) throws -> R) throws -> R {
        try source.storage.environment.read { txn in try body(try ModelTransaction(txn: txn, source: source).reader(P.self)) }
    }
}
