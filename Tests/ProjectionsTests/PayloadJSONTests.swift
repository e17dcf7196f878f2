@testable import Projections
import Testing

/// The lean reader compares keys by a tag of their length and first bytes before comparing
/// the strings: keys that share a tag must still be told apart.
@Suite struct PayloadJSONTests {
    private func parse(_ text: String) -> PayloadObject? { PayloadJSON.parse(Array(text.utf8)) }

    @Test func keysThatShareATagAreToldApart() throws {
        #expect(PayloadObject.tag(of: "deliveredOn") == PayloadObject.tag(of: "deliveredBy"))
        let object = try #require(parse(#"{"deliveredOn": "a", "deliveredBy": "b"}"#))
        #expect(object.string("deliveredOn") == "a")
        #expect(object.string("deliveredBy") == "b")
        #expect(object["deliveredAt"] == nil)
        #expect(object.hasOnly(["deliveredBy", "deliveredOn"]))
        #expect(!object.hasOnly(["deliveredOn", "deliveredAt"]))
    }

    @Test func aRepeatedKeyIsRefusedAndANearRepeatIsNot() {
        #expect(parse(#"{"clientId": "a", "clientId": "b"}"#) == nil)
        #expect(parse(#"{"clientIdX": "a", "clientIdY": "b"}"#)?.count == 2)
        #expect(parse(#"{"": 1, "": 2}"#) == nil)
    }
}
