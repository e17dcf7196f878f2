public import EventStore

/// The host's projections, typed for queries and listed for the runtime's loops.
final class ProjectionRunners {
    let caseload: ProjectionRunner<CaseloadProjection>
    let records: ProjectionRunner<RecordsProjection>
    let funder: ProjectionRunner<FunderProjection>
    let membership: ProjectionRunner<MembershipProjection>
    let elections: ProjectionRunner<ElectionsProjection>
    let partnership: ProjectionRunner<PartnershipProjection>
    let all: [any ProjectionRunning]

    /// The version each projection's code builds; bump one when its facts or rows change shape.
    static let currentVersions: [String: Int] = [
        CaseloadProjection.name: 1, RecordsProjection.name: 1, FunderProjection.name: 1,
        MembershipProjection.name: 1, ElectionsProjection.name: 1, PartnershipProjection.name: 1,
    ]

    init(storage: ProjectionStorage, versions: [String: Int]) throws {
        func version(_ name: String) -> Int { versions[name] ?? Self.currentVersions[name] ?? 1 }
        caseload = try ProjectionRunner(version: version(CaseloadProjection.name), storage: storage)
        records = try ProjectionRunner(version: version(RecordsProjection.name), storage: storage)
        funder = try ProjectionRunner(version: version(FunderProjection.name), storage: storage)
        membership = try ProjectionRunner(version: version(MembershipProjection.name), storage: storage)
        elections = try ProjectionRunner(version: version(ElectionsProjection.name), storage: storage)
        partnership = try ProjectionRunner(version: version(PartnershipProjection.name), storage: storage)
        all = [caseload, records, funder, membership, elections, partnership]
    }

    func models(store: EventStore) -> ReadModels {
        ReadModels(
            store: store, caseload: caseload.serving, records: records.serving, funder: funder.serving,
            membership: membership.serving, elections: elections.serving, partnership: partnership.serving)
    }
}

/// Every read model at one moment, as plain values: queries on it never block the runtime and
/// always see one consistent batch. The host hands out the live ones; ``ReadModels/asOf(position:store:)``
/// folds past ones.
public struct ReadModels: Sendable {
    /// The log (client files and the audit trail read event details from it).
    public let store: EventStore
    /// Per client: case, worker, follow-ups, contacts; per referral: its state.
    public internal(set) var caseload: FactState<CaseloadProjection>
    /// Positions of every event per client, referral and actor.
    public internal(set) var records: FactState<RecordsProjection>
    /// Client profiles, services by contract and month, referrals and partners.
    public internal(set) var funder: FactState<FunderProjection>
    /// The membership register's facts per member.
    public internal(set) var membership: FactState<MembershipProjection>
    /// Per election: roll size, turnout, tallies.
    public internal(set) var elections: FactState<ElectionsProjection>
    /// Needs, services by domain, referrals by partner.
    public internal(set) var partnership: FactState<PartnershipProjection>

    /// The last position these models include.
    public var position: UInt64 {
        [caseload.checkpoint, records.checkpoint, funder.checkpoint, membership.checkpoint, elections.checkpoint, partnership.checkpoint].min() ?? 0
    }

    init(
        store: EventStore, caseload: FactState<CaseloadProjection> = .init(), records: FactState<RecordsProjection> = .init(),
        funder: FactState<FunderProjection> = .init(), membership: FactState<MembershipProjection> = .init(),
        elections: FactState<ElectionsProjection> = .init(), partnership: FactState<PartnershipProjection> = .init()
    ) {
        self.store = store
        self.caseload = caseload
        self.records = records
        self.funder = funder
        self.membership = membership
        self.elections = elections
        self.partnership = partnership
    }

    /// True when both hold the same rows at the same checkpoints.
    public func sameModels(as other: ReadModels) -> Bool {
        caseload == other.caseload && records == other.records && funder == other.funder
            && membership == other.membership && elections == other.elections && partnership == other.partnership
    }
}
