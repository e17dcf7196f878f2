public import Crypto
public import Events
public import Foundation

/// Seals a checked ballot for the log and opens it at close (see `BallotSealed`). The ballot's
/// JSON is length-prefixed and zero-padded to a multiple of ``paddingBytes`` before sealing,
/// so the box's length says nothing about how many candidates a voter chose.
public enum BallotSeal {
    /// Plaintexts are padded to a multiple of this; a ballot of an ordinary AGM fits in one.
    public static let paddingBytes = 2_048

    /// The AES-256-GCM combined box (nonce ‖ ciphertext ‖ tag) of `ballot` under `key`.
    /// `nonce` defaults to a fresh random one; the generator passes a seeded one to stay
    /// deterministic.
    public static func seal(_ ballot: SecretBallot, key: SymmetricKey, nonce: AES.GCM.Nonce = AES.GCM.Nonce()) throws -> Data {
        let json = try EventCoding.encoder().encode(ballot)
        var plaintext = Data()
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { plaintext.append(contentsOf: $0) }
        plaintext.append(json)
        let padded = (plaintext.count + paddingBytes - 1) / paddingBytes * paddingBytes
        plaintext.append(Data(count: padded - plaintext.count))
        guard let combined = try AES.GCM.seal(plaintext, using: key, nonce: nonce).combined else {
            throw BallotKeyError.sealedBallotUnreadable(problem: "AES-GCM gave no combined box")
        }
        return combined
    }

    /// The ballot inside `sealed`.
    /// - Throws: ``BallotKeyError/sealedBallotUnreadable(problem:)`` when the box was altered or
    ///   was sealed under another key.
    public static func open(_ sealed: Data, key: SymmetricKey) throws -> SecretBallot {
        let plaintext: Data
        do {
            plaintext = try AES.GCM.open(try AES.GCM.SealedBox(combined: sealed), using: key)
        } catch {
            throw BallotKeyError.sealedBallotUnreadable(problem: "it does not open with the election's ballot key (altered, or sealed under another key)")
        }
        guard plaintext.count >= 4 else { throw BallotKeyError.sealedBallotUnreadable(problem: "it is shorter than its length prefix") }
        let length = plaintext.prefix(4).withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
        guard length <= plaintext.count - 4 else {
            throw BallotKeyError.sealedBallotUnreadable(problem: "its length prefix (\(length)) runs past its end")
        }
        do {
            return try EventCoding.decoder().decode(SecretBallot.self, from: plaintext.dropFirst(4).prefix(length))
        } catch {
            throw BallotKeyError.sealedBallotUnreadable(problem: "its contents are not a ballot: \(error)")
        }
    }
}
