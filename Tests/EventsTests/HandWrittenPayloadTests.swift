import Events
import Foundation
import Testing

/// A payload written by hand is the payload JSONEncoder writes, byte for byte, or is left to it.
@Suite struct HandWrittenPayloadTests {
    /// Refuses to seal: an event without personal fields must never ask.
    struct RefusingSealer: PersonalDataSealer {
        struct Asked: Error {}
        func seal(_ plaintext: Data, keyId: String, owner: String) throws -> SealedBox { throw Asked() }
        func ensureKey(_ keyId: String, owner: String) throws { throw Asked() }
        func makeKeysDurable() throws { throw Asked() }
    }

    @Test(arguments: ["c-0001", "c-1/2", "c \"quoted\"", "c\\back", "c-é", "c\n", "c-\u{7F}", ""])
    func aFileViewIsWrittenAsTheEncoderWritesIt(clientId: String) throws {
        let sealing = SealingContext(sealer: RefusingSealer(), keyId: "access-x", owner: "access-x")
        for purpose in AccessPurpose.allCases {
            let event = ClientFileViewed(clientId: ClientID(clientId), purpose: purpose)
            let encoded = Array(try EventCoding.encoder().encode(event))
            #expect(try EventCoding.encode(event) == encoded)
            #expect(try EventCoding.encode(any: event) == encoded)
            #expect(try EventCoding.encode(any: event, sealing: sealing) == encoded)
            #expect(try EventCoding.sealedPayload(of: event, context: sealing) == encoded)
        }
        // Plain ids take the hand-written path; any that needs escaping is left to the encoder.
        let plain = clientId.utf8.allSatisfy { (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        #expect((ClientFileViewed(clientId: ClientID(clientId), purpose: .audit).handWrittenPayload != nil) == plain)
    }
}
