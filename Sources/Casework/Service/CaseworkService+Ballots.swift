import Crypto
import EventStore
import Events
public import Foundation

extension CaseworkService {
    /// Casts a ballot: checks it, seals it under the election's ballot key, and appends the
    /// voter's participation and the sealed ballot in one durable append (see `BallotSealed`).
    /// Returns the voter's receipt code only after that append is durable.
    public func castBallot(_ request: CastBallot, correlationId: UUID? = nil) async throws -> BallotReceipt {
        try await serializer.run(request.streamId) {
            try await self.withConflictRetries(stream: request.streamId) { try await self.castOnce(request, correlationId) }
        }
    }

    /// Closes balloting: opens every sealed ballot, appends them shuffled with the close and the
    /// tally, then destroys the election's ballot key.
    @discardableResult
    public func closeBalloting(_ request: CloseBalloting, correlationId: UUID? = nil) async throws -> CommandOutcome {
        try await serializer.run(request.streamId) {
            try await self.withConflictRetries(stream: request.streamId) { try await self.closeOnce(request, correlationId) }
        }
    }

    private func castOnce(_ request: CastBallot, _ correlationId: UUID?) async throws -> BallotReceipt {
        let history = try reader.history(of: request.streamId)
        let state = try ElectionState.load(from: history, registry: reader.registry)
        var generator = SystemRandomNumberGenerator()
        let code = ReceiptCode.make(using: &generator)
        let now = clock()
        let ballot = try BallotDecisions.cast(request, state: state, receiptHash: ReceiptCode.hash(code), context: context(at: now))
        guard let key = try requireBallotKeys().key(for: request.electionId, create: true) else {
            throw BallotKeyError.keyStorageFailed(location: "\(request.electionId)", problem: "the store made no key")
        }
        let events = BallotDecisions.castEvents(request.electionId, voter: request.voter, sealedBallot: try BallotSeal.seal(ballot, key: key))
        _ = try await append(
            events, to: request.streamId, after: history.version, actor: request.actor, now: now,
            correlationId: correlationId, causationId: nil)
        return BallotReceipt(electionId: request.electionId, code: code)
    }

    private func closeOnce(_ request: CloseBalloting, _ correlationId: UUID?) async throws -> CommandOutcome {
        let history = try reader.history(of: request.streamId)
        let state = try ElectionState.load(from: history, registry: reader.registry)
        let keys = try requireBallotKeys()
        if state.isClosed {
            // A close that committed but stopped before destroying the key: finish it.
            try keys.destroyKey(for: request.electionId)
        }
        try BallotDecisions.checkClose(request, state: state)
        let opened = try openSealedBallots(of: state, election: request.electionId, keys: keys)
        var generator = SystemRandomNumberGenerator()
        let now = clock()
        let events = try BallotDecisions.close(request, state: state, openedBallots: opened, using: &generator)
        let outcome = try await append(
            events, to: request.streamId, after: history.version, actor: request.actor, now: now,
            correlationId: correlationId, causationId: nil)
        try keys.destroyKey(for: request.electionId)
        return outcome
    }

    private func openSealedBallots(of state: ElectionState, election: ElectionID, keys: any BallotKeyStore) throws -> [SecretBallot] {
        guard !state.sealedBallots.isEmpty else { return [] }
        guard let key = try keys.key(for: election, create: false) else {
            throw BallotKeyError.keyMissing(election: election, location: (keys as? BallotKeyDirectory)?.location(of: election) ?? "\(keys)")
        }
        return try state.sealedBallots.map { try BallotSeal.open($0, key: key) }
    }

    private func requireBallotKeys() throws -> any BallotKeyStore {
        guard let ballotKeys else { throw BallotKeyError.noKeyStore }
        return ballotKeys
    }
}
