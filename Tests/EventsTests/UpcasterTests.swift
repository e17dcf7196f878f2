import Events
import Foundation
import Testing

@Suite struct UpcasterTests {
    /// A payload exactly as version 1 of ServiceDelivered wrote it: `hours`, no `minutes`.
    static let version1Payload = #"""
        {"clientId":"c-0001","component":"languageAssessment","contractId":"k-1","deliveredOn":"2024-11-05",\#
        "hours":1.5,"interpreterUsed":false,"language":"fr","mode":"phone","outcome":"completed",\#
        "serviceId":"s-9","workerId":"u-7"}
        """#

    @Test func serviceDeliveredVersion1HoursBecomeVersion2Minutes() throws {
        let event = try EventRegistry.standard.decode(
            eventType: "ServiceDelivered", schemaVersion: 1, payload: Array(Self.version1Payload.utf8))
        let service = try #require(event as? ServiceDelivered)
        #expect(service.minutes == 90)
        #expect(service.component == .languageAssessment)
        #expect(service.deliveredOn == CalendarDate(iso8601: "2024-11-05"))
        #expect(service.note == nil)
    }

    @Test func fractionalHoursRoundToTheNearestMinute() throws {
        let payload = Self.version1Payload.replacingOccurrences(of: "\"hours\":1.5", with: "\"hours\":0.258")
        let event = try EventRegistry.standard.decode(
            eventType: "ServiceDelivered", schemaVersion: 1, payload: Array(payload.utf8))
        #expect((event as? ServiceDelivered)?.minutes == 15)
    }

    @Test func version1WithoutHoursNamesTheField() {
        let payload = Self.version1Payload.replacingOccurrences(of: "\"hours\":1.5,", with: "")
        #expect {
            _ = try EventRegistry.standard.decode(
                eventType: "ServiceDelivered", schemaVersion: 1, payload: Array(payload.utf8))
        } throws: { error in
            guard case .upcastFailed(_, 1, let problem) = error as? EventDecodingError else { return false }
            return problem.field == "hours" && problem.problem.contains("missing")
        }
    }

    @Test func currentVersionIsNotUpcast() throws {
        let bytes = try EventCoding.encode(ServiceDelivered.example)
        let event = try EventRegistry.standard.decode(eventType: "ServiceDelivered", schemaVersion: 2, payload: bytes)
        #expect(event.isEqual(to: ServiceDelivered.example))
    }

    @Test func unknownTypesAndVersionsAreNamed() {
        #expect(throws: EventDecodingError.unknownEventType("ClientTeleported")) {
            try EventRegistry.standard.decode(eventType: "ClientTeleported", schemaVersion: 1, payload: [])
        }
        #expect(throws: EventDecodingError.unsupportedVersion(eventType: "CaseOpened", found: 2, current: 1)) {
            try EventRegistry.standard.decode(eventType: "CaseOpened", schemaVersion: 2, payload: [])
        }
    }

    @Test func malformedPayloadSaysWhichTypeAndVersion() {
        #expect {
            _ = try EventRegistry.standard.decode(
                eventType: "CaseOpened", schemaVersion: 1, payload: Array(#"{"clientId":"c"}"#.utf8))
        } throws: { error in
            guard case .malformedPayload("CaseOpened", 1, let reason) = error as? EventDecodingError else {
                return false
            }
            return reason.contains("openedOn")
        }
    }
}
