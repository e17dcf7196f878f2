import Events

/// What a timeline entry says beyond its kind: a service's component, minutes and how it was
/// given, a referral's need and the agency it went to, a follow-up's date and purpose, why a case
/// closed. A referral's later steps and a follow-up's completion say which one they close, from
/// the file's own earlier entries. Read from payloads as they stand after their corrections, as
/// the file shows them (personal fields opened when the server holds the keys, free text
/// withheld while sealed). People and partner agencies are named, not given by id.
struct EntrySummary {
    private let names: ActorNames
    private let partners: PartnerNames
    /// Each referral of the file in words ("for education, to Community Language Hub").
    private var referrals: [String: String] = [:]
    /// Each follow-up's purpose.
    private var followUps: [String: String] = [:]

    /// Summaries for events seen one at a time (a referral's later steps say only what they say).
    init(names: ActorNames, partners: PartnerNames) {
        self.names = names
        self.partners = partners
    }

    /// Summaries for the entries of `file`, whose `payloads` are as corrected.
    init(file: ClientFile, payloads: (FileEntry) -> [String: JSONValue], names: ActorNames, partners: PartnerNames) throws {
        self.names = names
        self.partners = partners
        for entry in file.entries {
            let payload = Fields(payloads(entry))
            if entry.eventType == ReferralMade.eventType, let id = payload.string("referralId") {
                referrals[id] = try Self.referral(payload, partners: partners)
            }
            if entry.eventType == FollowUpScheduled.eventType, let id = payload.string("followUpId") {
                followUps[id] = payload.text("purpose")
            }
        }
    }

    func text(_ eventType: String, payload fields: [String: JSONValue]) throws -> String? {
        let payload = Fields(fields)
        let referral = payload.string("referralId").flatMap { referrals[$0] }
        let parts: [String?]
        switch eventType {
        case ServiceDelivered.eventType:
            parts = [
                payload.words("component"), payload.int("minutes").map { "\($0) min" }, payload.words("mode"),
                payload.string("language").map { "in \($0)" }, payload.bool("interpreterUsed") == true ? "with an interpreter" : nil,
                payload.words("outcome"), payload.string("contractId").map { "funded by \($0)" }, payload.text("note"),
            ]
        case ReferralMade.eventType:
            parts = [try Self.referral(payload, partners: partners), payload.text("note")]
        case ReferralAccepted.eventType:
            parts = [referral]
        case ReferralDeclined.eventType, ReferralCancelled.eventType:
            parts = [referral, payload.string("reason")]
        case ReferralCompleted.eventType:
            parts = [referral, payload.text("note")]
        case FollowUpScheduled.eventType:
            parts = [payload.string("dueOn").map { "due \($0)" }, payload.text("purpose")]
        case FollowUpCompleted.eventType:
            parts = [payload.string("followUpId").flatMap { followUps[$0] }]
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
        case SettlementPlanSet.eventType:
            parts = payload.array("goals").map { goal in
                let goal = Fields(goal)
                return [goal.text("description"), goal.string("targetDate").map { "by \($0)" }].compactMap { $0 }.joined(separator: " ")
            }
        default:
            parts = []
        }
        let text = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return text.isEmpty ? nil : text
    }

    /// A referral in words: the need, and the program or partner agency it went to.
    private static func referral(_ payload: Fields, partners: PartnerNames) throws -> String? {
        let target = payload.object("target")
        let destination = try target.string("programName").map { "to \($0)" } ?? target.string("partnerId").map { "to \(try partners.name($0))" }
        let text = [payload.words("needDomain").map { "for \($0)" }, destination].compactMap { $0 }.joined(separator: ", ")
        return text.isEmpty ? nil : text
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
