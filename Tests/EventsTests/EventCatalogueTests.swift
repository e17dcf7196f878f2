import Events
import Foundation
import Testing

/// `docs/events.md` is generated from the code; this test keeps it that way. When the file
/// differs it is rewritten and the test fails, so the new file shows up in `git diff`.
@Suite struct EventCatalogueTests {
    static let catalogueURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/events.md")

    @Test func committedCatalogueMatchesTheCode() throws {
        let generated = EventCatalogue.markdown()
        let committed = try? String(contentsOf: Self.catalogueURL, encoding: .utf8)
        if committed != generated {
            try generated.write(to: Self.catalogueURL, atomically: true, encoding: .utf8)
            Issue.record("docs/events.md was stale and has been regenerated: review and commit it")
        }
    }

    @Test func catalogueListsEveryTypeWithVersionAndEveryCode() {
        let text = EventCatalogue.markdown()
        for type in EventCatalogue.allTypes {
            #expect(text.contains("### \(type.eventType) (v\(type.schemaVersion))"))
        }
        #expect(text.contains("v1 → v2: hours (Double) became minutes (Int)"))
        #expect(text.contains("| `ServiceComponent` | `informationAndOrientation`"))
        #expect(text.contains("### PersonalDetails"))
        #expect(text.contains("| `personal` | `Sealed<PersonalDetails>?` |"))
        #expect(text.contains("v1 → v2: personal fields may be sealed"))
    }
}
