import Events
import Foundation

/// A client as the simulation follows them (the log keeps the rest).
struct SimulatedClient {
    let id: ClientID
    let registeredOn: CalendarDate
    let worker: UserID
    let language: String
    let category: ImmigrationCategory
    let sharesWithPartners: Bool
    let francophone: Bool
    let personal: PersonalDetails?
    var stream: String { StreamID.client(id) }
}

/// Work scheduled for a later day.
enum Task {
    case assessNeeds(SimulatedClient)
    case deliver(SimulatedClient, ServiceComponent, sessionsLeft: Int, everyDays: Int)
    case answerReferral(ReferralID, accept: Bool)
    case completeReferral(ReferralID)
    case completeFollowUp(SimulatedClient, FollowUpID)
    case closeCase(SimulatedClient)
    case updateDetails(SimulatedClient)
    case withdrawPartnerConsent(SimulatedClient)
    case correctService(stream: String, eventId: UUID, original: ServiceDelivered)
    case approveMember(Int)
    case renewOrLapse(Int)
    case election(ElectionPlan.Step)
}
