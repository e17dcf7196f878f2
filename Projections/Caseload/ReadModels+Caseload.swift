public import Events

/// A worker's caseload on a given day.
public struct Caseload: Sendable, Equatable, Codable {
    /// The worker.
    public let workerId: String
    /// The day ages and overdue follow-ups are measured on.
    public let today: CalendarDate
    /// Open cases assigned to the worker (all pages).
    public let openCases: Int
    /// This page's cases, by client id.
    public let cases: [CaseloadEntry]
}

/// One client on a worker's caseload.
public struct CaseloadEntry: Sendable, Equatable, Codable {
    /// The client.
    public let clientId: String
    /// When the case was opened.
    public let openedOn: CalendarDate?
    /// The latest service date.
    public let lastContactOn: CalendarDate?
    /// Follow-ups past due, oldest first.
    public let overdueFollowUps: [OverdueFollowUp]
    /// Referrals still made or accepted, oldest first.
    public let pendingReferrals: [PendingReferral]
}

/// A follow-up past its due date.
public struct OverdueFollowUp: Sendable, Equatable, Codable {
    /// Its id.
    public let followUpId: String
    /// When it was due.
    public let dueOn: CalendarDate
    /// Days past due on the caseload's day.
    public let daysOverdue: Int
}

/// A referral waiting on someone.
public struct PendingReferral: Sendable, Equatable, Codable {
    /// The referral.
    public let referralId: String
    /// Partner id or program it went to.
    public let to: String
    /// Made or accepted.
    public let stage: ReferralStage
    /// Days since it was made.
    public let ageDays: Int
}

extension ReadModels {
    /// The open cases of `workerId` on `today`, `pageSize` per page, by client id.
    public func caseload(worker workerId: String, today: CalendarDate, page: Int = 0, pageSize: Int = 50) throws -> Caseload {
        guard page >= 0 else { throw ProjectionError.invalidArgument(field: "page", problem: "must be 0 or more, got \(page)") }
        guard (1...1_000).contains(pageSize) else {
            throw ProjectionError.invalidArgument(field: "pageSize", problem: "must be 1 to 1000, got \(pageSize)")
        }
        return try read { txn in
            let reader = try txn.reader(CaseloadProjection.self)
            let index = ModelIndex(database: reader.databases.index)
            let (offset, overflow) = page.multipliedReportingOverflow(by: pageSize)
            let clients = overflow ? [] : try index.rows(workerId, offset: offset, limit: pageSize, in: reader.txn)
            let entries = try clients.map { try entry(for: $0, today: today, reader: reader) }
            return Caseload(workerId: workerId, today: today, openCases: try index.count(workerId, in: reader.txn), cases: entries)
        }
    }

    /// Every worker with open cases assigned, and how many.
    public func caseloadSizes() throws -> [String: Int] {
        try read { txn in
            let reader = try txn.reader(CaseloadProjection.self)
            return try ModelIndex(database: reader.databases.index).counts(in: reader.txn)
        }
    }

    private func entry(for clientId: String, today: CalendarDate, reader: ModelReader<CaseloadProjection>) throws -> CaseloadEntry {
        let summary = CaseSummary(clientId: clientId, entries: try reader.entries(RowKey("client", clientId)))
        let overdue = summary.openFollowUps.filter { $0.value < today }
            .map { OverdueFollowUp(followUpId: $0.key, dueOn: $0.value, daysOverdue: $0.value.days(until: today)) }
            .sorted { ($0.dueOn, $0.followUpId) < ($1.dueOn, $1.followUpId) }
        let pending = try summary.referralIds.compactMap { referralId -> PendingReferral? in
            var stage = ReferralStage.made
            var madeOn = today
            var to = ""
            for entry in try reader.entries(RowKey("referral", referralId)) {
                switch entry.fact {
                case .referralOf(_, let made, let target):
                    madeOn = made
                    to = target
                case .referralState(let next, _): stage = next
                default: break
                }
            }
            guard stage.isPending else { return nil }
            return PendingReferral(referralId: referralId, to: to, stage: stage, ageDays: madeOn.days(until: today))
        }
        return CaseloadEntry(
            clientId: clientId, openedOn: summary.openedOn, lastContactOn: summary.lastContactOn,
            overdueFollowUps: overdue, pendingReferrals: pending)
    }
}
