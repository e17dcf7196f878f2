/// Every event type of the domain, grouped by area as the files are. The registry, the
/// generated `docs/events.md` and the round-trip tests all read this one list, so an event
/// type cannot be added without being registered, documented and tested.
public enum EventCatalogue {
    /// One area of the domain and its event types.
    public struct Area: Sendable {
        /// The area's heading, e.g. "Clients".
        public let name: String
        /// Its event types, in the order they usually happen.
        public let types: [any DomainEvent.Type]
    }

    /// The areas in catalogue order.
    public static let areas: [Area] = [
        Area(name: "Clients", types: [ClientRegistered.self, ClientDetailsUpdated.self, ConsentRecorded.self]),
        Area(
            name: "Needs and settlement plans",
            types: [NeedsAssessed.self, NeedsReassessed.self, SettlementPlanSet.self, PlanGoalAchieved.self]),
        Area(
            name: "Cases",
            types: [
                CaseOpened.self, CaseAssigned.self, CaseTransferred.self, FollowUpScheduled.self,
                FollowUpCompleted.self, CaseClosed.self, CaseReopened.self,
            ]),
        Area(name: "Services", types: [ServiceDelivered.self]),
        Area(
            name: "Referrals",
            types: [
                ReferralMade.self, ReferralAccepted.self, ReferralDeclined.self, ReferralCompleted.self,
                ReferralCancelled.self,
            ]),
        Area(
            name: "Partners and funder contracts",
            types: [
                PartnerRegistered.self, PartnerUpdated.self, FunderContractSigned.self, FunderContractAmended.self,
            ]),
        Area(
            name: "Membership",
            types: [
                MembershipApplied.self, MemberApproved.self, MemberRejected.self, DuesPaid.self,
                RepresentativeChanged.self, MembershipLapsed.self,
            ]),
        Area(
            name: "Elections",
            types: [
                MeetingCalled.self, PositionAdded.self, CandidateNominated.self, VoterRollFixed.self,
                BallotingOpened.self, VotersParticipated.self, BallotSealed.self, BallotsRecorded.self, BallotingClosed.self,
                ElectionTallied.self,
            ]),
        Area(
            name: "Users",
            types: [UserCreated.self, RoleGranted.self, RoleRevoked.self, PasswordSet.self, UserDisabled.self]),
        Area(name: "Corrections", types: [EventCorrected.self, EventVoided.self]),
        Area(name: "Access", types: [ClientFileViewed.self]),
        Area(name: "Privacy", types: [PersonalDataErased.self, LegalHoldPlaced.self, LegalHoldReleased.self]),
    ]

    /// Every event type, in catalogue order.
    public static var allTypes: [any DomainEvent.Type] { areas.flatMap(\.types) }
}
