import Foundation
import HarbourTestSupport
import Events
@_spi(Testing) import Privacy
import Testing

@Suite struct KeyRingTests {
    let plaintext = Data("Amina Haddad 250-555-0101".utf8)

    @Test func sealsOpensAndKeepsKeysApartFromTheLog() throws {
        let data = try TemporaryDirectory()
        let ring = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        let box = try ring.seal(plaintext, keyId: "client-c-1", owner: "client-c-1")
        #expect(box.keyId == "client-c-1")
        #expect(box.box.count == plaintext.count + 28)
        let opened = try ring.open(box)
        #expect(opened == plaintext)
        #expect(KeyRing.exists(inDataDirectory: data.path))
        #expect(try ring.keyCount() == 1)
    }

    @Test func aWrongMasterKeyIsRefusedAtOpenAndChangesNothing() throws {
        let data = try TemporaryDirectory()
        let master = MasterKey.generate()
        do {
            let ring = try KeyRing.open(dataDirectory: data.path, master: master)
            _ = try ring.seal(plaintext, keyId: "client-c-1", owner: "client-c-1")
            try ring.makeKeysDurable()
        }
        let file = data.path + "/keys/data.mdb"
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(throws: PrivacyError.wrongMasterKey(keysPath: data.path + "/keys")) {
            try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        }
        #expect(throws: PrivacyError.masterKeyMissing(keysPath: data.path + "/keys")) {
            try KeyRing.open(dataDirectory: data.path, master: nil)
        }
        let after = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(before == after)
        let reopened = try KeyRing.open(dataDirectory: data.path, master: master)
        #expect(try reopened.keyCount() == 1)
    }

    @Test func rotationRewrapsEveryKeyAndRetiresTheOldMaster() throws {
        let data = try TemporaryDirectory()
        let old = MasterKey.generate()
        let new = MasterKey.generate()
        var boxes: [SealedBox] = []
        do {
            let ring = try KeyRing.open(dataDirectory: data.path, master: old)
            for index in 0..<20 { boxes.append(try ring.seal(plaintext, keyId: "client-c-\(index)", owner: "client-c-\(index)")) }
            let rewrapped = try ring.rotateMasterKey(to: new)
            #expect(rewrapped == 20)
            #expect(try ring.open(boxes[3]) == plaintext)
        }
        #expect(throws: PrivacyError.wrongMasterKey(keysPath: data.path + "/keys")) {
            try KeyRing.open(dataDirectory: data.path, master: old)
        }
        let ring = try KeyRing.open(dataDirectory: data.path, master: new)
        for box in boxes { #expect(try ring.open(box) == plaintext) }
    }

    @Test func destroyedKeysOpenNothingAndLeaveNoBytesOnDisk() throws {
        let data = try TemporaryDirectory()
        let ring = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        for index in 0..<50 { _ = try ring.seal(plaintext, keyId: "client-c-\(index)", owner: "client-c-\(index)") }
        let box = try ring.seal(plaintext, keyId: "client-c-7", owner: "client-c-7")
        let referral = try ring.seal(plaintext, keyId: "referral-r-1", owner: "client-c-7")
        try ring.makeKeysDurable()
        let material = try #require(try ring.keyMaterial("client-c-7"))
        let referralMaterial = try #require(try ring.keyMaterial("referral-r-1"))
        try ring.destroyKeys(ownedBy: "client-c-7")
        #expect(try ring.open(box) == nil)
        #expect(try ring.open(referral) == nil)
        #expect(try ring.isErased("client-c-7"))
        #expect(throws: PrivacyError.subjectErased(owner: "client-c-7")) {
            try ring.seal(plaintext, keyId: "client-c-7", owner: "client-c-7")
        }
        let found = try FolderScan(data.path).occurrences(of: [
            material.wrapped, material.raw, referralMaterial.wrapped, referralMaterial.raw,
        ])
        #expect(found.isEmpty, "destroyed key bytes still on disk: \(found)")
        #expect(try ring.keyCount() == 49)
    }
}

@Suite struct KeyRingLockTests {
    @Test func aSecondOpenWhileTheFirstIsAliveIsRefused() throws {
        let data = try TemporaryDirectory()
        let master = MasterKey.generate()
        let first = try KeyRing.open(dataDirectory: data.path, master: master)
        #expect(throws: PrivacyError.keysInUse(keysPath: data.path + "/keys")) {
            try KeyRing.open(dataDirectory: data.path, master: master)
        }
        _ = first
    }
}
