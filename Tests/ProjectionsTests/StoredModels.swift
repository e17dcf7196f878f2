import Projections

/// Everything the read models hold, copied out of their environment: rows of facts per
/// projection, the caseload index, and the checkpoints. Two histories built differently must
/// arrive at equal copies; a copy outlives the host it came from.
struct StoredModels: Equatable {
    let position: UInt64
    let caseload: [RowKey: [FactEntry<CaseloadProjection.Fact>]]
    let records: [RowKey: [FactEntry<RecordsProjection.Fact>]]
    let funder: [RowKey: [FactEntry<FunderProjection.Fact>]]
    let membership: [RowKey: [FactEntry<MembershipProjection.Fact>]]
    let elections: [RowKey: [FactEntry<ElectionsProjection.Fact>]]
    let partnership: [RowKey: [FactEntry<PartnershipProjection.Fact>]]
    let caseloadSizes: [String: Int]

    init(_ models: ReadModels) throws {
        position = models.position
        caseload = try models.caseload.allRows()
        records = try models.records.allRows()
        funder = try models.funder.allRows()
        membership = try models.membership.allRows()
        elections = try models.elections.allRows()
        partnership = try models.partnership.allRows()
        caseloadSizes = try models.caseloadSizes()
    }
}
