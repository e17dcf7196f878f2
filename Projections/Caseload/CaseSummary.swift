public import Events

/// One client's case as the caseload shows it, folded from the client's row.
public struct CaseSummary: Sendable, Equatable, Codable {
    /// The client.
    public let clientId: String
    /// The worker the case is assigned to (nil when unassigned or never opened).
    public private(set) var workerId: String?
    /// Whether a case is open.
    public private(set) var isOpen = false
    /// When the current (or last) case was opened.
    public private(set) var openedOn: CalendarDate?
    /// The latest service date.
    public private(set) var lastContactOn: CalendarDate?
    /// Follow-ups scheduled and not completed: id → due date.
    public private(set) var openFollowUps: [String: CalendarDate] = [:]
    /// Referral ids made for this client, oldest first.
    public private(set) var referralIds: [String] = []

    init(clientId: String, entries: [FactEntry<CaseloadProjection.Fact>]) {
        self.clientId = clientId
        for entry in entries { apply(entry.fact) }
    }

    private mutating func apply(_ fact: CaseloadProjection.Fact) {
        switch fact {
        case .opened(let on), .reopened(let on):
            isOpen = true
            openedOn = on
        case .assigned(let worker), .transferred(let worker): workerId = worker
        case .followUpScheduled(let id, let due): openFollowUps[id] = due
        case .followUpCompleted(let id): openFollowUps[id] = nil
        case .closed:
            isOpen = false
            workerId = nil
            openFollowUps = [:]
        case .contact(let on): lastContactOn = max(lastContactOn ?? on, on)
        case .referralMade(let id, _, _): referralIds.append(id)
        case .referralState, .referralOf: break
        }
    }
}
