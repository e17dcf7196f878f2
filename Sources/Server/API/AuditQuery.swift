import Events
import EventStore
import Foundation
import Projections

/// An audit-trail search as the query string or the search form gives it.
struct AuditQuery {
    /// Entries per page when none is asked for.
    static let pageSizeDefault = 50

    let filter: AuditFilter
    let after: UInt64
    let pageSize: Int

    init(_ query: QueryReader, timeZone: TimeZone) throws {
        let from = try query.startOfDay("from", timeZone: timeZone)
        let through = try query.endOfDay("through", timeZone: timeZone)
        if let from, let through, through < from { throw QueryReader.bad("through", "is before from") }
        filter = AuditFilter(
            clientId: query.text("clientId"), actor: query.text("actor"), eventType: query.text("eventType"), from: from,
            through: through)
        after = UInt64(try query.integer("after", in: 0...Int.max) ?? 0)
        pageSize = try query.integer("pageSize", in: 1...1_000) ?? Self.pageSizeDefault
    }

    /// The page of the trail this query asks for.
    func page(_ models: ReadModels) throws -> AuditPage {
        try models.auditTrail(filter: filter, after: after, pageSize: pageSize)
    }
}

/// Which read model a replay shows, and its arguments.
enum ReplayModel: String, CaseIterable {
    case funder, caseload, membership, gaps, audit

    var title: String {
        switch self {
        case .funder: "Funder report"
        case .caseload: "A worker's caseload"
        case .membership: "Membership register"
        case .gaps: "Partnership gaps"
        case .audit: "Audit trail"
        }
    }
}

/// A replay request: a read model as it stood at the end of a chosen day.
struct ReplayQuery {
    let asOf: CalendarDate
    let model: ReplayModel

    init(_ query: QueryReader) throws {
        guard let asOf = try query.date("asOf") else { throw QueryReader.bad("asOf", "is required, e.g. 2025-03-31") }
        let name = try query.required("model", example: "funder")
        guard let model = ReplayModel(rawValue: name) else {
            throw QueryReader.bad("model", "is not one of \(ReplayModel.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(name)')")
        }
        self.asOf = asOf
        self.model = model
    }

    /// Every read model as of the end of `asOf`, folded in memory on a thread of its own (a long
    /// log takes a while, and must not hold a cooperative thread).
    func models(store: EventStore, timeZone: TimeZone) async throws -> ReadModels {
        guard let end = QueryReader.timestamp(asOf.adding(days: 1), timeZone: timeZone) else {
            throw QueryReader.bad("asOf", "is not a day in the agency's calendar")
        }
        let instant = Timestamp(microsecondsSinceEpoch: end.microsecondsSinceEpoch - 1)
        return try await OffPool.run { try ReadModels.asOf(recordedAt: instant, store: store) }
    }

    /// The chosen model, encoded, from `models`.
    func answer(_ models: ReadModels, query: QueryReader, timeZone: TimeZone) throws -> any Encodable & Sendable {
        switch model {
        case .funder:
            return try models.funderReport(contract: try query.required("contract", example: "ircc-sap-2025"), period: try query.reportPeriod())
        case .caseload:
            return try models.caseload(worker: try query.required("worker", example: "u-worker1"), today: asOf, page: 0, pageSize: 500)
        case .membership:
            return try models.membershipRegister(asOf: asOf, lapsingWithinDays: try query.integer("lapsingWithinDays", in: 0...3_650) ?? 30)
        case .gaps:
            return try models.partnershipGaps(over: ReportPeriod.fiscalYear(containing: asOf))
        case .audit:
            return try AuditQuery(query, timeZone: timeZone).page(models)
        }
    }
}

/// Runs synchronous work on a thread of its own, off Swift's two cooperative threads.
enum OffPool {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.start()
        }
    }
}
