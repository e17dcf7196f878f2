public import Events
public import Foundation

/// What a retention run did: the client files it erased and the due records it left, with why.
public struct RetentionRun: Sendable {
    /// Erased, each by one ``PersonalDataErased`` whose reference names the rule.
    public var erased: [RetentionDue] = []
    /// Due but not erased: held, a member record, or refused when erasing (the reason says).
    public var left: [(due: RetentionDue, reason: String)] = []
}

extension CaseworkService {
    /// Every record the retention `rules` make due on or before `asOf`, folded from the log.
    public func retentionDue(rules: RetentionPolicy, asOf: CalendarDate) throws -> [RetentionDue] {
        // Retention needs no personal data: fold without opening sealed fields.
        let directory = LogDirectory(log: log, registry: .standard)
        return RetentionReport.due(
            clients: try directory.allStates(ClientState.self, category: StreamID.clientCategory),
            members: try directory.allStates(MemberState.self, category: StreamID.memberCategory), policy: rules,
            graceMonths: policy.membershipGraceMonths, asOf: asOf)
    }

    /// Erases every client file due on or before `asOf` under `rules` and under no legal hold,
    /// each as its own erasure (ground `retentionDue`, the rule as reference) decided like any
    /// other, so a hold placed meanwhile still blocks it.
    /// - Throws: ``DomainError`` when `asOf` is after today (nothing is erased early).
    public func runRetention(rules: RetentionPolicy, asOf: CalendarDate, actor: ActingUser, correlationId: UUID? = nil) async throws
        -> RetentionRun
    {
        let today = context(at: clock()).today
        guard asOf <= today else { throw DomainError.validation("asOf", "\(asOf) is after today (\(today)): records are erased only once due") }
        var run = RetentionRun()
        for due in try retentionDue(rules: rules, asOf: asOf) {
            guard due.erasable else {
                let reason = due.holds.isEmpty ? "member records are not sealed: review by hand" : "under legal hold \(due.holds.joined(separator: ", "))"
                run.left.append((due, reason))
                continue
            }
            let command = EraseClient(actor: actor, clientId: ClientID(due.recordId), ground: .retentionDue, reference: due.reference)
            do {
                try await erase(command, correlationId: correlationId)
                run.erased.append(due)
            } catch let error as DomainError {
                run.left.append((due, "\(error.field): \(error.problem)"))
            }
        }
        return run
    }
}
