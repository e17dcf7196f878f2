import EventStore
import Events
import Foundation
@testable import Projections
import Testing

/// The projections' placement helpers that replaced slower general-purpose code.
@Suite struct PlacementTests {
    @Test func monthKeysAreWhatPrintfWrites() throws {
        for year in [1, 9, 10, 99, 100, 999, 1_000, 2_024, 2_025, 9_999] {
            for month in 1...12 {
                let date = try #require(CalendarDate(year: year, month: month, day: 1))
                let key = FunderProjection.monthKey(date)
                #expect(key == String(format: "%04d-%02d", year, month))
            }
        }
    }

    @Test func aPayloadIsFoundOnlyAsItsOwnType() {
        let service = Make.service("A", "s-1", .languageTraining, on: day("2025-06-05"), minutes: 30)
        func event(_ payload: (any DomainEvent)?) -> ProjectionEvent {
            ProjectionEvent(
                position: 1, streamId: "client-A", eventId: UUID(), eventType: payload?.eventType ?? "Unread",
                recordedAt: Timestamp(microsecondsSinceEpoch: 0), occurredAt: Timestamp(microsecondsSinceEpoch: 0), actor: "u-1",
                event: payload)
        }
        let found = event(service).payload(ServiceDelivered.self)
        #expect(found == service)
        #expect(event(service).payload(ReferralMade.self) == nil)
        #expect(event(Make.contract()).payload(ServiceDelivered.self) == nil)
        #expect(event(nil).payload(ServiceDelivered.self) == nil)
    }
}
