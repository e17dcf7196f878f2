public import EventStore
import Foundation

extension ReadModels {
    /// Every read model as it stood after `position`, folded in memory from the log without
    /// touching the live models: how administrators replay history for compliance.
    public static func asOf(position: UInt64, store: EventStore) throws -> ReadModels {
        var models = ReadModels(store: store)
        let all = Set<String>().union(CaseloadProjection.payloadTypes).union(RecordsProjection.payloadTypes)
            .union(FunderProjection.payloadTypes).union(MembershipProjection.payloadTypes)
            .union(ElectionsProjection.payloadTypes).union(PartnershipProjection.payloadTypes)
        let decoder = ProjectionDecoder(payloadTypes: all)
        guard position > 0 else { return models }
        try store.scan(from: 1) { record in
            guard record.position <= position else { return false }
            let event = try decoder.decode(record)
            models.caseload.apply(event)
            models.records.apply(event)
            models.funder.apply(event)
            models.membership.apply(event)
            models.elections.apply(event)
            models.partnership.apply(event)
            return record.position < position
        }
        models.caseload.settle()
        models.records.settle()
        models.funder.settle()
        models.membership.settle()
        models.elections.settle()
        models.partnership.settle()
        return models
    }

    /// Every read model as it stood at `date` (the last event recorded at or before it).
    public static func asOf(recordedAt date: Timestamp, store: EventStore) throws -> ReadModels {
        try asOf(position: try store.position(recordedAtOrBefore: date), store: store)
    }
}
