public import Events

/// The agency's configurable limits, each named with its unit last.
public struct CaseworkPolicy: Sendable, Hashable {
    /// Months after a member's last term ends before the membership lapses.
    public var membershipGraceMonths: Int
    /// Fewest days between notice and the meeting (BC Societies Act: 7).
    public var meetingNoticeDaysMin: Int
    /// Most days between notice, or the record date, and the meeting (BC Societies Act: 60).
    public var meetingNoticeDaysMax: Int
    /// Longest dues term one payment may buy.
    public var duesTermMonthsMax: Int
    /// Earliest accepted date of birth.
    public var birthDateMin: CalendarDate

    /// The defaults: 6 months' grace, 7–60 days' notice, terms up to 5 years, births from 1900.
    public init(
        membershipGraceMonths: Int = 6,
        meetingNoticeDaysMin: Int = 7,
        meetingNoticeDaysMax: Int = 60,
        duesTermMonthsMax: Int = 60,
        birthDateMin: CalendarDate = CalendarDate(year: 1900, month: 1, day: 1)!
    ) {
        self.membershipGraceMonths = membershipGraceMonths
        self.meetingNoticeDaysMin = meetingNoticeDaysMin
        self.meetingNoticeDaysMax = meetingNoticeDaysMax
        self.duesTermMonthsMax = duesTermMonthsMax
        self.birthDateMin = birthDateMin
    }
}

/// What a decision may know besides the stream's state and the command: today's date in the
/// agency's zone and its policy. Passed in, never read from a clock, so decisions are pure.
public struct DecisionContext: Sendable, Hashable {
    /// Today in the agency's time zone.
    public let today: CalendarDate
    /// The agency's limits.
    public let policy: CaseworkPolicy

    /// A context for `today` under `policy`.
    public init(today: CalendarDate, policy: CaseworkPolicy = CaseworkPolicy()) {
        self.today = today
        self.policy = policy
    }
}
