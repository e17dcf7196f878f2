import Dispatch
import HummingbirdBcrypt

/// bcrypt off the cooperative pool: a hash takes tens of milliseconds by design, which must
/// not stall the threads serving other requests.
public struct PasswordHasher: Sendable {
    /// Shortest password accepted when one is set.
    public static let passwordCharactersMin = 12
    /// Longest password accepted: bcrypt reads only the first 72 bytes.
    public static let passwordBytesMax = 72

    /// bcrypt work factor (log2 rounds).
    public let cost: UInt8

    /// A hasher with work factor `cost`.
    public init(cost: UInt8) { self.cost = cost }

    /// The bcrypt hash of `password` (`$2b$...`, a PHC-style string Casework accepts).
    public func hash(_ password: String) async -> String {
        let cost = self.cost
        return await Self.offload { Bcrypt.hash(password, cost: cost) }
    }

    /// True when `password` matches `hash`.
    public func verify(_ password: String, hash: String) async -> Bool {
        await Self.offload { Bcrypt.verify(password, hash: hash) }
    }

    private static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
