import Events
import Foundation

/// Carrying out the agenda: each task records what the worker did that day.
extension AgencySimulation {
    mutating func perform(_ task: Task) {
        switch task {
        case .assessNeeds(let client):
            assessNeeds(client)
        case .deliver(let client, let component, let sessionsLeft, let everyDays):
            deliverService(client, component)
            if sessionsLeft > 1 { schedule(.deliver(client, component, sessionsLeft: sessionsLeft - 1, everyDays: everyDays), inDays: everyDays) }
        case .answerReferral(let referralId, let accept):
            answerReferral(referralId, accept: accept)
        case .completeReferral(let referralId):
            recorder.record([ReferralCompleted(referralId: referralId, completedOn: day, note: nil)], actor: Staff.supervisor)
        case .completeFollowUp(let client, let followUpId):
            recorder.record([FollowUpCompleted(clientId: client.id, followUpId: followUpId, completedOn: day)], actor: client.worker)
        case .closeCase(let client):
            let reason = random.weighted([(CaseClosureReason.goalsMet, 70), (.lostContact, 12), (.clientMovedAway, 8), (.clientWithdrew, 6), (.referredElsewhere, 4)])
            recorder.record([CaseClosed(clientId: client.id, closedOn: day, reason: reason, note: nil)], actor: client.worker)
        case .updateDetails(let client):
            updateDetails(client)
        case .withdrawPartnerConsent(let client):
            let decision = ConsentDecision(granted: false, recordedOn: day, takenBy: client.worker)
            recorder.record([ConsentRecorded(clientId: client.id, kind: .shareWithPartners, decision: decision)], actor: client.worker)
        case .correctService(let stream, let eventId, let original):
            correct(original, eventId: eventId, in: stream)
        case .approveMember(let index):
            approveMember(index)
        case .renewOrLapse(let index):
            renewOrLapse(index)
        case .election(let step):
            perform(step)
        }
    }

    private mutating func answerReferral(_ referralId: ReferralID, accept: Bool) {
        if accept {
            recorder.record([ReferralAccepted(referralId: referralId, acceptedOn: day)], actor: Staff.supervisor)
            schedule(.completeReferral(referralId), inDays: Int.random(in: 10...60, using: &random))
        } else {
            recorder.record([ReferralDeclined(referralId: referralId, declinedOn: day, reason: "No capacity this intake")], actor: Staff.supervisor)
        }
    }

    /// A move: same person, new address.
    private mutating func updateDetails(_ client: SimulatedClient) {
        guard let old = client.personal else { return }
        let address = "\(Int.random(in: 1...3_999, using: &random)) \(random.pick(Vocabulary.streets))"
        let moved = PersonalDetails(
            givenNames: old.givenNames, familyName: old.familyName, dateOfBirth: old.dateOfBirth, uci: old.uci,
            contact: ContactDetails(phone: old.contact.phone, email: old.contact.email, address: address),
            householdMembers: old.householdMembers)
        recorder.record([ClientDetailsUpdated(clientId: client.id, personal: moved)], actor: client.worker)
    }

    /// Most corrections fix the minutes; a few void a service entered on the wrong client.
    private mutating func correct(_ original: ServiceDelivered, eventId: UUID, in stream: String) {
        if random.chance(0.25) {
            recorder.record(
                [EventVoided(stream: stream, originalEventId: eventId, originalEventType: ServiceDelivered.eventType, reason: "Entered on the wrong client")],
                actor: Staff.supervisor)
            return
        }
        let fixed = ServiceDelivered(
            clientId: original.clientId, serviceId: original.serviceId, component: original.component,
            deliveredOn: original.deliveredOn, minutes: original.minutes + 15, mode: original.mode, language: original.language,
            interpreterUsed: original.interpreterUsed, workerId: original.workerId, contractId: original.contractId,
            outcome: original.outcome, note: original.note)
        let replacement: JSONValue
        do {
            replacement = try EventCoding.jsonValue(of: fixed)
        } catch {
            preconditionFailure("ServiceDelivered failed to encode: \(error)")
        }
        recorder.record(
            [EventCorrected(
                stream: stream, originalEventId: eventId, originalEventType: ServiceDelivered.eventType,
                reason: "Session ran 15 minutes longer than entered", replacementSchemaVersion: ServiceDelivered.schemaVersion,
                replacement: replacement)],
            actor: Staff.supervisor)
    }
}
