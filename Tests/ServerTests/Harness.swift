import Casework
import Events
import EventStore
import Foundation
import HarbourTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import NIOCore
import Privacy
import Server
import Testing

/// A router-level test app over a temporary store, with one user per role.
struct Harness {
    static let password = "correct horse battery"
    static let configuration = ServerConfiguration(
        bcryptCost: 4, loginThrottle: .init(accountFailuresFree: 3, addressFailuresFree: 50, waitSecondsInitial: 60))

    let client: any TestClientProtocol
    let services: AppServices
    var store: EventStore { services.store }

    /// Runs `body` against a fresh app whose log holds a user for every role.
    /// With `sealed`, the services hold a key ring in the store's folder and seal personal fields.
    static func run(sealed: Bool = false, _ body: @escaping @Sendable (Harness) async throws -> Void) async throws {
        try await withTemporaryStore { store, _ in
            try await seedUsers(store)
            let keys = sealed ? try KeyRing.open(dataDirectory: store.directory, master: MasterKey.generate()) : nil
            let services = try AppServices(store: store, configuration: configuration, keys: keys)
            await services.start()
            let app = Application(router: buildRouter(services: services))
            do {
                try await app.test(.router) { client in try await body(Harness(client: client, services: services)) }
            } catch {
                await services.close()
                throw error
            }
            await services.close()
        }
    }

    /// The username of the seeded user holding `role`.
    static func username(_ role: Role) -> String { role.rawValue.lowercased() }

    static func seedUsers(_ store: EventStore) async throws {
        let service = CaseworkService(log: store, timeZone: TimeZone(identifier: "UTC")!)
        let admin = ActingUser(userId: UserID("setup"), role: .administrator)
        let hash = Bcrypt.hash(password, cost: 4)
        for role in Role.allCases {
            let userId = UserID("u-\(username(role))")
            try await service.execute(
                CreateUser(actor: admin, userId: userId, username: username(role), displayName: "The \(role.rawValue)", roles: [role]))
            try await service.execute(SetPassword(actor: admin, userId: userId, passwordHash: hash))
        }
    }

    /// A signed-in session: the cookie header value and the CSRF token.
    struct Session {
        let cookie: String
        let csrf: String
    }

    /// Signs in as the user holding `role`.
    func signIn(_ role: Role) async throws -> Session {
        let response = try await send(.post, "/api/session", json: #"{"username":"\#(Self.username(role))","password":"\#(Self.password)"}"#)
        guard response.status == .created else { throw HarnessError.signInFailed(response.status.code) }
        let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("harbour_session=") })
        let csrf = try #require(response.jsonObject["csrfToken"] as? String)
        return Session(cookie: String(cookie.split(separator: ";")[0]), csrf: csrf)
    }

    /// Sends a request, as `session` when given (with its CSRF token unless `csrf` is false).
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, form: String? = nil, as session: Session? = nil,
        csrf: Bool = true, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let session {
            headers[.cookie] = session.cookie
            if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf }
        }
        if json != nil { headers[.contentType] = "application/json" }
        if form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let body = (json ?? form).map { ByteBuffer(string: $0) }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body)
    }

    /// The events of `stream`, oldest first.
    func events(_ stream: String) throws -> [RecordedEvent] { try store.readStream(stream) }

    /// The `ClientFileViewed` events about `clientId`, wherever Casework keeps them (the
    /// client's stream, or an access stream of its own).
    func fileViews(_ clientId: String) throws -> [RecordedEvent] {
        (try events("client-\(clientId)") + events("access-\(clientId)")).filter { $0.eventType == "ClientFileViewed" }
    }
}

enum HarnessError: Error { case signInFailed(Int) }

extension TestResponse {
    /// The body parsed as a JSON object (empty when it is not one).
    var jsonObject: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// The body as text.
    var text: String { String(buffer: body) }

    /// The problem details' `errors[].field` values.
    var problemFields: [String] {
        (jsonObject["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}

/// Request bodies used across tests.
enum Bodies {
    static func intake(given: String = "Amira", family: String = "Haddad", born: String = "1988-03-14", extra: String = "") -> String {
        """
        {"registeredOn":"2026-10-01","givenNames":"\(given)","familyName":"\(family)","dateOfBirth":"\(born)","gender":"female",
        "immigrationCategory":"permanentResident","preferredOfficialLanguage":"english","countryOfBirth":"SY","languagesSpoken":["ar"],
        "consents":{"privacyStatement":true,"shareWithFunder":true,"shareWithPartners":false}\(extra)}
        """
    }

    static let service = """
        {"component":"informationAndOrientation","deliveredOn":"2026-11-02","minutes":45,"mode":"inPerson","language":"ar","outcome":"completed"}
        """
}
