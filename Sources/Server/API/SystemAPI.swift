import EventStore
import Hummingbird

/// The OpenAPI document and a health check.
struct SystemAPI {
    let services: AppServices

    struct Health: Encodable {
        let status: String
        let headPosition: UInt64
    }

    var endpoints: [Endpoint] {
        let services = self.services
        return [
            Endpoint(
                RouteKey(.get, "/openapi.json"), .init(.api, "This OpenAPI 3.1 document.", responses: [200: "The document"]),
                handler: { _, _ in try JSONResponse.make(.ok, OpenAPIDocument(endpoints: allEndpoints(services: services))) }),
            Endpoint(
                RouteKey(.get, "/health"), .init(.api, "The server is up; the log's head position.", responses: [200: "Up"]),
                handler: { _, _ in try JSONResponse.make(.ok, Health(status: "ok", headPosition: services.store.headPosition)) }),
        ]
    }
}
