extension CalendarDate {
    /// A date from a literal known to be valid, for the events' `example` instances.
    static func example(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(iso8601: text) else { preconditionFailure("bad example date \(text)") }
        return date
    }
}

extension IntakeConsents {
    /// All three consents granted at intake, for examples.
    static var example: IntakeConsents {
        let granted = ConsentDecision(granted: true, recordedOn: .example("2025-03-03"), takenBy: UserID("u-worker"))
        return IntakeConsents(privacyStatement: granted, shareWithFunder: granted, shareWithPartners: granted)
    }
}
