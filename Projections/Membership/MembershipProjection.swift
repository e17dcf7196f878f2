public import Events
import Foundation
import EventStore

/// The register of members a BC society keeps. Rows: `member/<id>`.
public enum MembershipProjection: FactProjection {
    /// What the register keeps of an event.
    public enum Fact: Codable, Sendable, Equatable {
        case applied(kind: MembershipKind, displayName: String, representative: String?, appliedOn: CalendarDate)
        case approved(CalendarDate)
        case rejected(CalendarDate)
        case duesPaid(paidOn: CalendarDate, startsOn: CalendarDate, expiresOn: CalendarDate)
        case representative(String, on: CalendarDate)
        case lapsed(CalendarDate)
    }

    public static let name = "membership"
    public static let payloadTypes: Set<String> = [
        MembershipApplied.eventType, MemberApproved.eventType, MemberRejected.eventType, DuesPaid.eventType,
        RepresentativeChanged.eventType, MembershipLapsed.eventType, EventCorrected.eventType, EventVoided.eventType,
    ]

    public static func placements(of event: ProjectionEvent) -> [(RowKey, Fact)] {
        func member(_ id: MemberID, _ fact: Fact) -> [(RowKey, Fact)] { [(RowKey("member", id.rawValue), fact)] }
        switch event.event {
        case let e as MembershipApplied:
            return member(
                e.memberId,
                .applied(kind: e.kind, displayName: e.details.displayName, representative: e.details.representativeName, appliedOn: e.appliedOn))
        case let e as MemberApproved: return member(e.memberId, .approved(e.approvedOn))
        case let e as MemberRejected: return member(e.memberId, .rejected(e.rejectedOn))
        case let e as DuesPaid:
            return member(e.memberId, .duesPaid(paidOn: e.paidOn, startsOn: e.termStartsOn, expiresOn: e.termExpiresOn))
        case let e as RepresentativeChanged: // The event has no business date of its own: the day it happened (UTC) stands in.
            let on = CalendarDate.day(of: event.occurredAt.date, in: TimeZone(identifier: "UTC")!)
            return member(e.memberId, .representative(e.representativeName, on: on))
        case let e as MembershipLapsed: return member(e.memberId, .lapsed(e.lapsedOn))
        default: return []
        }
    }
}
