import Events

/// What a timeline entry says beyond its kind: a service's component, minutes and how it was
/// given, a referral's need and where it went, a follow-up's date and purpose, why a case
/// closed. Read from the payload as it stands after its corrections, as the file shows it
/// (personal fields opened when the server holds the keys, free text withheld while sealed).
enum EntrySummary {
    static func text(_ eventType: String, payload fields: [String: JSONValue], names: ActorNames) throws -> String? {
        let payload = Fields(fields)
        let parts: [String?]
        switch eventType {
        case ServiceDelivered.eventType:
            parts = [
                payload.words("component"), payload.int("minutes").map { "\($0) min" }, payload.words("mode"),
                payload.string("language").map { "in \($0)" }, payload.bool("interpreterUsed") == true ? "with an interpreter" : nil,
                payload.words("outcome"), payload.string("contractId").map { "funded by \($0)" }, payload.text("note"),
            ]
        case ReferralMade.eventType:
            parts = [payload.words("needDomain").map { "for \($0)" }, target(payload.object("target")), payload.text("note")]
        case ReferralDeclined.eventType, ReferralCancelled.eventType:
            parts = [payload.string("reason")]
        case ReferralCompleted.eventType:
            parts = [payload.text("note")]
        case FollowUpScheduled.eventType:
            parts = [payload.string("dueOn").map { "due \($0)" }, payload.text("purpose")]
        case CaseAssigned.eventType:
            parts = [try payload.string("workerId").map { "to \(try names.name($0))" }]
        case CaseTransferred.eventType:
            parts = [
                try payload.string("fromWorkerId").map { "from \(try names.name($0))" },
                try payload.string("toWorkerId").map { "to \(try names.name($0))" }, payload.string("reason"),
            ]
        case CaseClosed.eventType:
            parts = [payload.words("reason"), payload.text("note")]
        case CaseReopened.eventType:
            parts = [payload.text("reason")]
        case NeedsAssessed.eventType, NeedsReassessed.eventType:
            parts = payload.array("needs").map { need in
                let need = Fields(need)
                return need.words("domain").map { domain in need.string("priority").map { "\(domain) (\($0))" } ?? domain }
            }
        default:
            parts = []
        }
        let text = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return text.isEmpty ? nil : text
    }

    private static func target(_ target: Fields) -> String? {
        if let program = target.string("programName") { return "to \(program)" }
        return target.string("partnerId").map { "to partner \($0)" }
    }

    /// A payload object's fields, read leniently: a field missing or of another shape is nil.
    private struct Fields {
        let values: [String: JSONValue]

        init(_ values: [String: JSONValue]) { self.values = values }

        init(_ value: JSONValue) {
            if case .object(let values) = value { self.values = values } else { self.values = [:] }
        }

        func string(_ key: String) -> String? {
            if case .string(let text)? = values[key] { return text }
            return nil
        }

        /// Free text: as written, or withheld while sealed.
        func text(_ key: String) -> String? {
            switch values[key] {
            case .string(let text)?: text
            case .object?: FreeText.withheld
            default: nil
            }
        }

        /// A code in words (`inPerson` → "in person").
        func words(_ key: String) -> String? { string(key).map(Plain.words) }

        func int(_ key: String) -> Int64? {
            if case .int(let number)? = values[key] { return number }
            return nil
        }

        func bool(_ key: String) -> Bool? {
            if case .bool(let flag)? = values[key] { return flag }
            return nil
        }

        func object(_ key: String) -> Fields { Fields(values[key] ?? .null) }

        func array(_ key: String) -> [JSONValue] {
            if case .array(let items)? = values[key] { return items }
            return []
        }
    }
}
