import AgencyHistory
import Casework
import EventStore
import Events
import Foundation
import HarbourTestSupport
import Privacy
import Testing

@Suite struct AccessExportTests {
    @Test func theExportHoldsEveryEventOfTheClientAndEveryView() async throws {
        let data = try TemporaryDirectory()
        defer { data.remove() }
        let ring = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        let store = try EventStore.open(directory: data.path)
        for batch in AgencyHistory(seed: 5, count: 3_000, sealer: ring).batches() {
            for outcome in try await store.append(batch) { _ = try outcome.get() }
        }
        let subject = try #require(try ErasureTests.findSubject(in: store, opener: ring))
        let service = CaseworkService(log: store, timeZone: TimeZone(identifier: "America/Vancouver")!, keys: ring)
        let viewers = [
            ActingUser(userId: UserID("u-worker-9"), role: .worker), ActingUser(userId: UserID("u-accounts"), role: .accountant),
        ]
        for viewer in viewers {
            try await service.execute(RecordFileView(actor: viewer, clientId: subject.clientId, purpose: .casework))
        }
        let registry = EventRegistry.standard.opening(with: ring)
        let export = try AccessRequestExport.read(clientId: subject.clientId, from: store, registry: registry)

        let streams = [StreamID.client(subject.clientId), StreamID.access(subject.clientId)] + subject.referralStreams
        let expected = try streams.flatMap { try store.readStream($0) }.map(\.position).sorted()
        #expect(export.events.map(\.position) == expected)
        #expect(export.views.map(\.actor).suffix(2) == ["u-worker-9", "u-accounts"])
        #expect(export.views.allSatisfy { $0.eventType == ClientFileViewed.eventType })
        let json = String(decoding: try export.json(), as: UTF8.self)
        #expect(json.contains(subject.personal.familyName))
        #expect(!json.contains("\"sealed\""))
        #expect(export.html().contains("u-worker-9"))
        #expect(throws: DomainError.self) {
            _ = try AccessRequestExport.read(clientId: ClientID("c-nobody"), from: store, registry: registry)
        }
        await store.close()
    }
}
