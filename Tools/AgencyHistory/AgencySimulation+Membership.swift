import Foundation
import Events

/// A member as the simulation follows them.
struct Member {
    let id: MemberID
    let displayName: String
    var approved = false
    var termExpiresOn: CalendarDate?
}

/// Members join over the first fifteen months, pay yearly dues, and most renew.
extension AgencySimulation {
    /// Weekdays over which members join (before the AGM's record date).
    static let joiningWeekdays = 320
    static let duesCents = 1_000

    mutating func admitMembersToday() {
        let due = min(membersTotal, (weekdayIndex + 1) * membersTotal / Self.joiningWeekdays)
        while members.count < due { applyForMembership() }
    }

    private mutating func applyForMembership() {
        let index = members.count
        let origin = random.pick(Vocabulary.origins)
        let organizational = random.chance(0.05)
        let name = organizational
            ? "\(random.pick(Vocabulary.streets).split(separator: " ")[0]) Community Association \(index + 1)"
            : "\(random.pick(origin.givenNames)) \(random.pick(origin.familyNames))"
        let member = Member(id: MemberID(String(format: "m-%05d", index + 1)), displayName: name)
        members.append(member)
        let details = MemberDetails(
            displayName: name, representativeName: organizational ? "\(random.pick(origin.givenNames)) \(random.pick(origin.familyNames))" : nil,
            contact: ContactDetails(email: "member\(index + 1)@example.org"))
        recorder.record(
            [MembershipApplied(
                memberId: member.id, kind: organizational ? .organizational : .individual, appliedOn: day, details: details,
                eligibility: random.weighted([(EligibilityBasis.citizen, 45), (.permanentResident, 45), (.otherLegalStatus, 10)]),
                eligibilityAttestedOn: day)],
            actor: Staff.administrator)
        schedule(.approveMember(index), inDays: Int.random(in: 5...15, using: &random))
    }

    mutating func approveMember(_ index: Int) {
        members[index].approved = true
        let expires = day.adding(months: 12)
        members[index].termExpiresOn = expires
        recorder.record(
            [MemberApproved(memberId: members[index].id, approvedOn: day),
             DuesPaid(memberId: members[index].id, paidOn: day, amountCents: Self.duesCents, termMonths: 12, termStartsOn: day, termExpiresOn: expires)],
            actor: Staff.administrator)
        schedule(.renewOrLapse(index), inDays: day.days(until: expires) - Int.random(in: 0...20, using: &random))
    }

    /// Three in four renew before their term ends; the rest lapse after the grace period.
    mutating func renewOrLapse(_ index: Int) {
        guard let expires = members[index].termExpiresOn else { return }
        if day < expires, random.chance(0.75) {
            let next = expires.adding(months: 12)
            members[index].termExpiresOn = next
            recorder.record(
                [DuesPaid(memberId: members[index].id, paidOn: day, amountCents: Self.duesCents, termMonths: 12, termStartsOn: expires, termExpiresOn: next)],
                actor: Staff.administrator)
            schedule(.renewOrLapse(index), inDays: day.days(until: next) - Int.random(in: 0...20, using: &random))
        } else if day >= expires.adding(months: 6) {
            recorder.record([MembershipLapsed(memberId: members[index].id, lapsedOn: day)], actor: Staff.administrator)
        } else {
            schedule(.renewOrLapse(index), inDays: day.days(until: expires.adding(months: 6)))
        }
    }
}
