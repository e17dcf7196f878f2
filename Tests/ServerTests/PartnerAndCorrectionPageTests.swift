import Casework
import Events
import EventStore
import Foundation
import Projections
import HTTPTypes
import HummingbirdTesting
import Server
import Testing

/// The partners page (partner agencies and funder contracts) and correcting or voiding an entry
/// from a client's file, through the forms as a browser sends them.
@Suite struct PartnerAndCorrectionPageTests {
    static func form(_ session: Harness.Session, _ fields: String) -> String { "_csrf=\(session.csrf)&\(fields)" }

    @Test func aSupervisorAddsAndChangesAPartnerAgency() async throws {
        try await Harness.run { app in
            let supervisor = try await app.signIn(.supervisor)
            let empty = try await app.send(.get, "/partners", as: supervisor)
            #expect(empty.status == .ok)
            #expect(empty.text.contains("No partner agencies yet."))
            #expect(empty.text.contains(#"<label for="name">Agency name</label>"#))
            let unnamed = try await app.send(.post, "/partners", form: Self.form(supervisor, "name=+&funding=hybrid"), as: supervisor, csrf: false)
            #expect(unnamed.status == .unprocessableContent, "\(unnamed.text)")
            #expect(try app.store.events(inCategory: StreamID.partnerCategory).isEmpty)
            let added = try await app.send(
                .post, "/partners", form: Self.form(supervisor, "name=Maison+Accueil&funding=hybrid&francophone=yes&offers-housing=yes"),
                as: supervisor, csrf: false)
            #expect(added.status == .seeOther, "\(added.text)")
            let registered = try #require(try app.store.events(inCategory: StreamID.partnerCategory).first)
            let partnerId = String(registered.streamId.dropFirst("partner-".count))
            let list = try await app.send(.get, "/partners", as: supervisor)
            #expect(list.text.contains("Maison Accueil"))
            #expect(list.text.contains(#"href="/partners/\#(partnerId)""#))
            let edit = try await app.send(.get, "/partners/\(partnerId)", as: supervisor)
            #expect(edit.text.contains(#"value="Maison Accueil""#))
            #expect(edit.text.contains(#"name="offers-housing" value="yes" checked"#))
            let changed = try await app.send(
                .post, "/partners/\(partnerId)", form: Self.form(supervisor, "name=Maison+d%27Accueil&funding=funderFunded&offers-employment=yes"),
                as: supervisor, csrf: false)
            #expect(changed.status == .seeOther, "\(changed.text)")
            #expect(try app.events(registered.streamId).map(\.eventType) == ["PartnerRegistered", "PartnerUpdated"])
            // A referral to the agency names it in the client's timeline, as it is called now.
            let consenting = Bodies.intake().replacingOccurrences(of: #""shareWithPartners":false"#, with: #""shareWithPartners":true"#)
            let clientId = try await ClientAPITests.register(app, supervisor, body: consenting)
            let referred = try await app.send(
                .post, "/clients/\(clientId)/referrals", form: Self.form(supervisor, "partnerId=\(partnerId)&needDomain=housing"), as: supervisor, csrf: false)
            #expect(referred.status == .seeOther)
            let file = try await app.send(.get, "/clients/\(clientId)", as: supervisor)
            #expect(file.text.contains("<br>for housing, to Maison d"), "the partner is named, not given by id")
            #expect(!file.text.contains("to \(partnerId)"))
            #expect(try await app.send(.post, "/clients/\(clientId)/case", form: Self.form(supervisor, ""), as: supervisor, csrf: false).status == .seeOther)
            try await app.services.projections.waitUntilApplied(app.store.headPosition)
            let caseload = try await app.send(.get, "/", as: supervisor)
            #expect(caseload.text.contains("Maison d"), "the referral waiting on the caseload names the agency")
            #expect(!caseload.text.contains("\(partnerId):"))
            let forged = try await app.send(.post, "/partners", form: "_csrf=forged&name=X&funding=hybrid", as: supervisor, csrf: false)
            #expect(forged.status == .forbidden)
            let unknown = try await app.send(.get, "/partners/nobody", as: supervisor)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func anAccountantAmendsAContractFromThePartnersPage() async throws {
        try await Harness.run { app in
            let accountant = try await app.signIn(.accountant)
            #expect(try await app.send(.post, "/api/contracts", json: ReadModelAPITests.contract, as: accountant).status == .created)
            let page = try await app.send(.get, "/partners", as: accountant)
            #expect(page.text.contains("Amend ircc-test"))
            #expect(!page.text.contains("Add a partner agency"))
            let noReason = try await app.send(
                .post, "/contracts/ircc-test/amend", form: Self.form(accountant, "endsOn=2036-03-31&fund-informationAndOrientation=yes&reason="),
                as: accountant, csrf: false)
            #expect(noReason.status.code >= 400 && noReason.status.code < 500, "\(noReason.text)")
            #expect(try app.events("contract-ircc-test").count == 1)
            let amended = try await app.send(
                .post, "/contracts/ircc-test/amend", form: Self.form(accountant, "endsOn=2036-03-31&fund-informationAndOrientation=yes&reason=Amendment+2"),
                as: accountant, csrf: false)
            #expect(amended.status == .seeOther, "\(amended.text)")
            #expect(try app.events("contract-ircc-test").map(\.eventType) == ["FunderContractSigned", "FunderContractAmended"])
            #expect(try await app.send(.get, "/partners", as: accountant).text.contains("2036-03-31"))
            let unknown = try await app.send(.post, "/contracts/nobody/amend", form: Self.form(accountant, "endsOn=2036-03-31&reason=x"), as: accountant, csrf: false)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func aWorkerCorrectsAServiceAndASupervisorVoidsIt() async throws {
        try await Harness.run(sealed: true) { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker)
            #expect(try await app.send(.post, "/api/clients/\(clientId)/services", json: Bodies.service, as: worker).status == .created)
            let service = try #require(try app.events("client-\(clientId)").last)
            let eventId = service.eventId.uuidString.lowercased()
            let file = try await app.send(.get, "/clients/\(clientId)", as: worker)
            #expect(file.text.contains(#"href="/clients/\#(clientId)/corrections/\#(eventId)""#))
            #expect(file.text.contains("<br>information and orientation, 45 min, in person, in ar, completed"), "the service is told in words")
            let page = try await app.send(.get, "/clients/\(clientId)/corrections/\(eventId)", as: worker)
            #expect(page.status == .ok, "\(page.text)")
            #expect(page.text.contains(#"<label for="field-minutes">Minutes</label>"#))
            #expect(!page.text.contains("Void this entry"))
            #expect(!page.text.contains(#"name="field-clientId""#))
            #expect(page.text.contains("<p>Client id: \(clientId) <small>(not changed here)</small></p>"), "an id as it reads, not quoted")
            #expect(page.text.contains(#"<select id="field-interpreterUsed" name="field-interpreterUsed">"#))
            // A code is chosen from its list, in words; a date with a date picker.
            #expect(page.text.contains(#"<select id="field-mode" name="field-mode">"#))
            #expect(page.text.contains(#"<option value="inPerson" selected>in person</option>"#))
            #expect(page.text.contains(#"<option value="phone">phone</option>"#))
            #expect(page.text.contains(#"<input type="date" id="field-deliveredOn" name="field-deliveredOn" value="2026-11-02">"#))
            let views = try app.fileViews(clientId).count
            #expect(views == 2)
            let path = "/clients/\(clientId)/corrections/\(eventId)"
            let noReason = try await app.send(.post, "\(path)/correct", form: Self.form(worker, "field-minutes=30&reason=+"), as: worker, csrf: false)
            #expect(noReason.status == .unprocessableContent)
            let notANumber = try await app.send(.post, "\(path)/correct", form: Self.form(worker, "field-minutes=lots&reason=typo"), as: worker, csrf: false)
            #expect(notANumber.status == .unprocessableContent)
            #expect(notANumber.text.contains("minutes"))
            let corrected = try await app.send(.post, "\(path)/correct", form: Self.form(worker, "field-minutes=30&reason=Minutes+mistyped"), as: worker, csrf: false)
            #expect(corrected.status == .seeOther, "\(corrected.text)")
            let correction = try #require(try app.events("client-\(clientId)").last)
            #expect(correction.eventType == "EventCorrected")
            let after = try await app.send(.get, "/clients/\(clientId)", as: worker)
            #expect(after.text.contains("Minutes mistyped"))
            #expect(after.text.contains("by The worker: Minutes mistyped"), "the corrector is named, not given by id")
            #expect(after.text.contains("<br>information and orientation, 30 min, in person"), "the summary is the service as corrected")
            #expect(!after.text.contains("45 min"))
            #expect(!after.text.contains("by u-worker"))
            #expect(!after.text.contains("<strong>Event corrected</strong>"), "shown beside the service, not listed again")
            let workerVoid = try await app.send(.post, "\(path)/void", form: Self.form(worker, "reason=wrong+client"), as: worker, csrf: false)
            #expect(workerVoid.status == .forbidden)
            let supervisor = try await app.signIn(.supervisor)
            #expect(try await app.send(.get, path, as: supervisor).text.contains("Void this entry"))
            let voided = try await app.send(.post, "\(path)/void", form: Self.form(supervisor, "reason=Wrong+client"), as: supervisor, csrf: false)
            #expect(voided.status == .seeOther, "\(voided.text)")
            let final = try await app.send(.get, "/clients/\(clientId)", as: supervisor)
            #expect(final.text.contains("Voided"))
            #expect(!final.text.contains("<strong>Event voided</strong>"))
            #expect(!final.text.contains(#"href="\#(path)""#))
            let unknown = try await app.send(.get, "/clients/\(clientId)/corrections/\(UUID().uuidString)", as: worker)
            #expect(unknown.status == .notFound)
            let malformed = try await app.send(.get, "/clients/\(clientId)/corrections/not-a-uuid", as: worker)
            #expect(malformed.status == .badRequest)
        }
    }
}
