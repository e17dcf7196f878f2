import Casework
import Events
import EventStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
@testable import Server
import Testing

/// The client file served from entries rendered once per stream version: never stale, the same
/// for every role that may read it, gone after an erasure, bounded, and still recorded before
/// it is shown.
@Suite struct ClientFileCacheTests {
    static let family = "Okonkwo-Lee"

    /// The file's entries, as JSON objects.
    static func entries(_ response: TestResponse) throws -> [[String: Any]] {
        try #require(response.jsonObject["entries"] as? [[String: Any]])
    }

    /// The file as rendered from the log with nothing kept, parsed.
    static func fresh(_ app: Harness, _ clientId: String) throws -> NSDictionary {
        let renderer = ClientFileRenderer(store: app.store, registry: app.services.registry, cache: nil)
        let (body, _) = try renderer.body(ClientID(clientId), referrals: [])
        return try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? NSDictionary)
    }

    /// The file's `views` object: how many, and the latest, newest first.
    static func views(_ response: TestResponse) throws -> (count: Int, recent: [[String: Any]]) {
        let views = try #require(response.jsonObject["views"] as? [String: Any])
        return (try #require(views["count"] as? Int), try #require(views["recent"] as? [[String: Any]]))
    }

    @Test func eachViewIsInTheLogBeforeItsAnswerAndShowsItselfFirst() async throws {
        try await Harness.run { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker)
            let shown = ClientFileRenderer.recentViewsMax
            for viewsSoFar in 1...(shown + 2) {
                let file = try await app.send(.get, "/api/clients/\(clientId)/file", as: worker)
                #expect(file.status == .ok)
                // Views are counted and the latest shown, never listed among the casework.
                #expect(try Self.entries(file).map { $0["eventType"] as? String } == ["ClientRegistered"])
                let views = try Self.views(file)
                #expect(views.count == viewsSoFar)
                // The answer shows the view it recorded first: it was appended before the file was read.
                let logged = try app.fileViews(clientId)
                #expect(logged.count == viewsSoFar)
                #expect(views.recent.compactMap { $0["eventId"] as? String } == logged.suffix(shown).reversed().map(\.eventId.uuidString))
                #expect(views.recent.allSatisfy { $0["eventType"] as? String == "ClientFileViewed" && $0["actor"] as? String == "u-worker" })
            }
            // What the cache assembled is what the log gives with nothing kept.
            let cached = try await app.send(.get, "/api/clients/\(clientId)/file", as: worker)
            let served = try #require(try JSONSerialization.jsonObject(with: Data(cached.body.readableBytesView)) as? NSDictionary)
            #expect(served == (try Self.fresh(app, clientId)))
        }
    }

    @Test func viewsThatAnOlderLogKeptInTheClientsStreamAreNotListedAsEntries() async throws {
        try await Harness.run { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker)
            let payload = Array(#"{"clientId":"\#(clientId)","purpose":"casework"}"#.utf8)
            _ = try await app.store.append(
                [ProposedEvent(eventType: ClientFileViewed.eventType, actor: "u-worker", payload: payload)], to: "client-\(clientId)")
            let file = try await app.send(.get, "/api/clients/\(clientId)/file", as: worker)
            #expect(try Self.entries(file).map { $0["eventType"] as? String } == ["ClientRegistered"])
            let page = try await app.send(.get, "/clients/\(clientId)", as: worker)
            #expect(page.status == .ok)
            #expect(!page.text.contains("<strong>Client file viewed</strong>"))
        }
    }

    @Test func aFileNobodyViewedYetCountsNone() async throws {
        try await Harness.run { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker)
            let fresh = try Self.fresh(app, clientId)
            let views = try #require(fresh["views"] as? [String: Any])
            #expect(views["count"] as? Int == 0)
            #expect((views["recent"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func aFileIsNeverStaleAfterANewEvent() async throws {
        try await Harness.run(sealed: true) { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker)
            let first = try await app.send(.get, "/api/clients/\(clientId)/file", as: worker)
            #expect(try Self.entries(first).map { $0["eventType"] as? String } == ["ClientRegistered"])
            #expect(try Self.views(first).count == 1)
            #expect(app.services.fileCache.holds("client-\(clientId)"))
            #expect(app.services.fileCache.holds("access-\(clientId)"))
            #expect(try await app.send(.post, "/api/clients/\(clientId)/services", json: Bodies.service, as: worker).status == .created)
            let second = try await app.send(.get, "/api/clients/\(clientId)/file", as: worker)
            #expect(second.headers[.eTag] == "\"1\"")
            #expect(try Self.entries(second).map { $0["eventType"] as? String } == ["ClientRegistered", "ServiceDelivered"])
            #expect(try Self.views(second).count == 2)
            // What the cache assembled is what the log gives with nothing kept.
            let served = try #require(try JSONSerialization.jsonObject(with: Data(second.body.readableBytesView)) as? NSDictionary)
            #expect(served == (try Self.fresh(app, clientId)))
            let registered = try #require(try Self.entries(second).first?["payload"] as? [String: Any])
            #expect((registered["personal"] as? [String: Any])?["givenNames"] as? String == "Amira")
        }
    }

    @Test func everyFileReaderSeesTheSameFileAndNoOtherRoleAny() async throws {
        try await Harness.run(sealed: true) { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker)
            _ = try await app.send(.get, "/api/clients/\(clientId)/file", as: worker)
            let member = try await app.signIn(.member)
            let refused = try await app.send(.get, "/api/clients/\(clientId)/file", as: member)
            #expect(refused.status == .forbidden)
            #expect(!refused.text.contains("Amira"))
            #expect(try app.fileViews(clientId).count == 1)
            let accountant = try await app.signIn(.accountant)
            let seen = try await app.send(.get, "/api/clients/\(clientId)/file", as: accountant)
            #expect(seen.status == .ok)
            #expect(try Self.views(seen).recent.first?["actor"] as? String == "u-accountant")
            // A role revoked takes effect on the very next request, cached file or not.
            let admin = ActingUser(userId: UserID("setup"), role: .administrator)
            try await CaseworkService(log: app.store, timeZone: TimeZone(identifier: "UTC")!).execute(
                RevokeRole(actor: admin, userId: UserID("u-accountant"), role: .accountant))
            #expect(try await app.send(.get, "/api/clients/\(clientId)/file", as: accountant).status == .forbidden)
            #expect(try app.fileViews(clientId).count == 2)
        }
    }

    @Test func anErasedClientsFileIsNeverServedFromWhatWasKept() async throws {
        try await Harness.run(sealed: true) { app in
            let worker = try await app.signIn(.worker)
            let clientId = try await ClientAPITests.register(app, worker, body: Bodies.intake(family: Self.family))
            let before = try await app.send(.get, "/api/clients/\(clientId)/file", as: worker)
            #expect(before.text.contains(Self.family))
            let admin = try await app.signIn(.administrator)
            #expect(try await app.send(.post, "/api/clients/\(clientId)/erasure", json: #"{"reference":"PR-9"}"#, as: admin).status == .ok)
            let after = try await app.send(.get, "/api/clients/\(clientId)/file", as: worker)
            #expect(after.status == .ok)
            #expect(!after.text.contains(Self.family))
            #expect(after.text.contains("PersonalDataErased"))
            #expect(!app.services.fileCache.holds("client-\(clientId)"))
            #expect(!app.services.fileCache.holds("access-\(clientId)"))
        }
    }

    @Test func theStreamsUsedLongestAgoAreEvictedPastTheBound() {
        let cache = ClientFileCache(bytesMax: 4_000)
        func stream(_ version: UInt64, bytes: Int) -> ClientFileCache.Stream {
            ClientFileCache.Stream(
                version: version, entries: [ClientFileCache.Entry(position: version, json: Array(repeating: 0x20, count: bytes))], bytes: bytes)
        }
        cache.keep("client-a", stream(1, bytes: 900))
        cache.keep("client-b", stream(1, bytes: 900))
        cache.keep("client-c", stream(1, bytes: 900))
        _ = cache.stream("client-a")  // a is now used more recently than b
        cache.keep("client-d", stream(1, bytes: 900))
        cache.keep("client-e", stream(1, bytes: 900))
        #expect(cache.bytesKept <= 4_000)
        #expect(!cache.holds("client-b"))
        #expect(cache.holds("client-a"))
        #expect(cache.holds("client-e"))
        // An older version never replaces a newer one, and a stream over a quarter of the bound is not kept.
        cache.keep("client-e", stream(0, bytes: 10))
        #expect(cache.stream("client-e")?.version == 1)
        cache.keep("client-f", stream(1, bytes: 1_500))
        #expect(!cache.holds("client-f"))
    }

    @Test func storedPayloadsAreSentAsTheyAreUnlessSealedOrOlder() throws {
        let registry = EventRegistry.standard
        let record = { (payload: String, version: UInt16) in
            RecordedEvent(
                position: 1, streamId: "client-c1", streamVersion: 0, eventId: UUID(), eventType: ServiceDelivered.eventType,
                schemaVersion: version, recordedAt: .now(), occurredAt: .now(), actor: "u-1", correlationId: nil, causationId: nil,
                payload: Array(payload.utf8), hash: .zero)
        }
        let current = ServiceDelivered.schemaVersion
        #expect(FileEntryJSON.isShownAsStored(record(#"{"minutes":5}"#, current), registry: registry))
        #expect(!FileEntryJSON.isShownAsStored(record(#"{"note":{"sealed":{"box":"x","keyId":"k"}}}"#, current), registry: registry))
        if current > 1 { #expect(!FileEntryJSON.isShownAsStored(record(#"{"minutes":5}"#, 1), registry: registry)) }
        var out: [UInt8] = []
        FileEntryJSON.string("a\"b\\c\n\u{01}", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""a\"b\\c\n\u0001""#)
    }
}
