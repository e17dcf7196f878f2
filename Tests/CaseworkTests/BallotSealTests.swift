@testable import Casework
import Crypto
import Events
import Foundation
import HarbourTestSupport
import Testing

@Suite struct BallotSealTests {
    let ballot = SecretBallot(
        receiptHash: ReceiptCode.hash("ABCDE"), selections: [PositionSelection(positionId: directors, candidateIds: [CandidateID("cand-1")])])

    @Test func aSealedBallotOpensWithItsKeyOnly() throws {
        let key = SymmetricKey(size: .bits256)
        let sealed = try BallotSeal.seal(ballot, key: key)
        #expect(try BallotSeal.open(sealed, key: key) == ballot)
        #expect(!String(decoding: sealed, as: UTF8.self).contains("cand-1"))
        #expect(throws: BallotKeyError.self) { try BallotSeal.open(sealed, key: SymmetricKey(size: .bits256)) }
        var altered = sealed
        altered[20] ^= 0x01
        #expect(throws: BallotKeyError.self) { try BallotSeal.open(altered, key: key) }
    }

    @Test func boxesHaveOneSizeWhateverWasChosen() throws {
        let key = SymmetricKey(size: .bits256)
        let abstain = SecretBallot(receiptHash: ballot.receiptHash, selections: [])
        let many = SecretBallot(
            receiptHash: ballot.receiptHash,
            selections: (1...8).map { PositionSelection(positionId: PositionID("p-\($0)"), candidateIds: [CandidateID("candidate-\($0)")]) })
        let sizes = try [abstain, ballot, many].map { try BallotSeal.seal($0, key: key).count }
        #expect(Set(sizes) == [12 + BallotSeal.paddingBytes + 16])
    }

    @Test func keysAreFilesOnlyTheOwnerReadsAndDestroyRemovesThem() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = BallotKeyDirectory(path: directory.child("ballot-keys"))
        #expect(try keys.key(for: election, create: false) == nil)
        let key = try #require(try keys.key(for: election, create: true))
        #expect(try keys.key(for: election, create: true) == key, "a second request reads the stored key")
        let attributes = try FileManager.default.attributesOfItem(atPath: keys.location(of: election))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        try keys.destroyKey(for: election)
        #expect(!FileManager.default.fileExists(atPath: keys.location(of: election)))
        #expect(try keys.key(for: election, create: false) == nil)
        try keys.destroyKey(for: election)
    }

    @Test func aDamagedKeyFileIsNamed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = BallotKeyDirectory(path: directory.path)
        _ = FileManager.default.createFile(atPath: keys.location(of: election), contents: Data([1, 2, 3]))
        #expect(throws: BallotKeyError.keyUnreadable(location: keys.location(of: election), problem: "it holds 3 bytes, not 32")) {
            _ = try keys.key(for: election, create: true)
        }
    }
}
