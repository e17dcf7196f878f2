import EventStore
import Events
import Foundation

/// Events whose fact happened on a business day that may be earlier than when it is recorded
/// (a service logged the next morning). Their envelope's occurred-at is that day, so replay
/// "as of a date" places them where they happened.
protocol BusinessDated {
    var businessDay: CalendarDate { get }
}

extension ClientRegistered: BusinessDated { var businessDay: CalendarDate { registeredOn } }
extension NeedsAssessed: BusinessDated { var businessDay: CalendarDate { assessedOn } }
extension NeedsReassessed: BusinessDated { var businessDay: CalendarDate { assessedOn } }
extension CaseOpened: BusinessDated { var businessDay: CalendarDate { openedOn } }
extension CaseClosed: BusinessDated { var businessDay: CalendarDate { closedOn } }
extension ServiceDelivered: BusinessDated { var businessDay: CalendarDate { deliveredOn } }
extension ReferralMade: BusinessDated { var businessDay: CalendarDate { madeOn } }
extension ReferralAccepted: BusinessDated { var businessDay: CalendarDate { acceptedOn } }
extension ReferralDeclined: BusinessDated { var businessDay: CalendarDate { declinedOn } }
extension ReferralCompleted: BusinessDated { var businessDay: CalendarDate { completedOn } }
extension ReferralCancelled: BusinessDated { var businessDay: CalendarDate { cancelledOn } }
extension MembershipApplied: BusinessDated { var businessDay: CalendarDate { appliedOn } }
extension MemberApproved: BusinessDated { var businessDay: CalendarDate { approvedOn } }
extension DuesPaid: BusinessDated { var businessDay: CalendarDate { paidOn } }

extension Timestamp {
    /// When `event` occurred: the start of its business day in `timeZone` if that day is
    /// before today, otherwise `now`.
    static func occurred(_ event: any DomainEvent, now: Timestamp, today: CalendarDate, timeZone: TimeZone) -> Timestamp {
        guard let day = (event as? any BusinessDated)?.businessDay, day < today else { return now }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        return start.map(Timestamp.init) ?? now
    }
}
