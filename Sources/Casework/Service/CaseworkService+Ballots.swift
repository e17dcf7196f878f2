import EventStore
public import Events
public import Foundation
import Synchronization

extension CaseworkService {
    /// Casts a ballot: checks it, holds it, and releases a batch when enough are held (see
    /// `BallotsRecorded` for why). Returns the voter's receipt code.
    public func castBallot(_ request: CastBallot, correlationId: UUID? = nil) async throws -> BallotReceipt {
        try await serializer.run(request.streamId) {
            try await self.withConflictRetries(stream: request.streamId) { try await self.castOnce(request, correlationId) }
        }
    }

    /// Closes balloting: releases every held ballot, records the close and the tally.
    @discardableResult
    public func closeBalloting(_ request: CloseBalloting, correlationId: UUID? = nil) async throws -> CommandOutcome {
        try await serializer.run(request.streamId) {
            try await self.withConflictRetries(stream: request.streamId) {
                let history = try self.reader.history(of: request.streamId)
                let state = try ElectionState.load(from: history, registry: self.reader.registry)
                let held = self.heldBallots.withLock { $0[request.electionId] ?? [] }
                var generator = SystemRandomNumberGenerator()
                let now = self.clock()
                let events = try BallotDecisions.close(request, state: state, pending: held, using: &generator)
                let outcome = try await self.append(
                    events, to: request.streamId, after: history.version, actor: request.actor, now: now,
                    correlationId: correlationId, causationId: nil)
                self.heldBallots.withLock { $0[request.electionId] = nil }
                return outcome
            }
        }
    }

    /// How many ballots are held for `election`, waiting for their batch.
    public func heldBallotCount(_ election: ElectionID) -> Int {
        heldBallots.withLock { $0[election]?.count ?? 0 }
    }

    private func castOnce(_ request: CastBallot, _ correlationId: UUID?) async throws -> BallotReceipt {
        let history = try reader.history(of: request.streamId)
        let state = try ElectionState.load(from: history, registry: reader.registry)
        let held = heldBallots.withLock { $0[request.electionId] ?? [] }
        var generator = SystemRandomNumberGenerator()
        let code = ReceiptCode.make(using: &generator)
        let now = clock()
        let ballot = try BallotDecisions.cast(
            request, state: state, pending: held, receiptHash: ReceiptCode.hash(code), context: context(at: now))
        let all = held + [ballot]
        guard let batchSize = state.called?.ballotBatchSize,
            let (release, keep) = BallotDecisions.batchToRelease(all, batchSize: batchSize, using: &generator)
        else {
            heldBallots.withLock { $0[request.electionId] = all }
            return BallotReceipt(electionId: request.electionId, code: code)
        }
        let events = BallotDecisions.releaseEvents(request.electionId, batch: release, using: &generator)
        _ = try await append(
            events, to: request.streamId, after: history.version, actor: request.actor, now: now,
            correlationId: correlationId, causationId: nil)
        heldBallots.withLock { $0[request.electionId] = keep }
        return BallotReceipt(electionId: request.electionId, code: code)
    }
}
