import EventStore
import Foundation

/// Codes and instants as people read them: `ClientFileViewed` → "Client file viewed",
/// `informationAndOrientation` → "information and orientation", a timestamp → "2026-11-23 13:17"
/// in the agency's time zone.
enum Plain {
    /// A code's words, lower case.
    static func words(_ code: String) -> String { ReportLabels.words(code) }

    /// An event type as a sentence fragment.
    static func event(_ eventType: String) -> String { words(eventType).capitalizedFirst }

    /// `codes` as select options: the code as the value, its words as the label.
    static func options(_ codes: [String], selected: String? = nil) -> [[String: Any]] {
        codes.map { ["code": $0, "label": words($0), "selected": $0 == selected] }
    }

    /// The instant to the minute, in `timeZone`.
    static func time(_ instant: Timestamp, _ timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant.date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }
}
