import Events
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Projections

extension AppServices {
    /// Longest a read waits for the read models to apply the reader's own last write.
    static let readYourWritesMillisecondsMax = 5_000

    /// The read models, once they include the last write made in this session, so a page shown
    /// right after a form post shows what was just done (read-your-writes).
    func models(for context: AppRequestContext) async throws -> ReadModels {
        let latest = projections.latestModels
        if let token = context.session?.token, let position = sessions.lastWrittenPosition(token), latest.position < position {
            do {
                try await projections.waitUntilApplied(position, timeoutMilliseconds: Self.readYourWritesMillisecondsMax)
            } catch {
                context.logger.error("read models behind", metadata: ["position": .stringConvertible(position), "error": .string("\(error)")])
                throw ProblemDetails(
                    .serviceUnavailable,
                    detail: "The reports are still catching up with your last change (position \(position)). Try again in a moment.")
            }
            return projections.latestModels
        }
        return latest
    }

    /// The streams of the referrals made for `clientId`, from the read models (as of the
    /// session's own last write); none when the models do not know the client yet.
    func referralStreams(of clientId: ClientID, context: AppRequestContext) async throws -> [String] {
        let models = try await models(for: context)
        return Array(Set(try models.referralIds(ofClient: clientId.rawValue))).sorted().map { StreamID.referral(ReferralID($0)) }
    }
}
