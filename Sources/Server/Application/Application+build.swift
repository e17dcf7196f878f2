import EventStore
public import Hummingbird
public import Logging

/// Builds the router: logging and sessions for every request, then every endpoint behind its
/// entry in ``RouteAccess/table``; where Swift concurrency runs on the event loops, each
/// request on its connection's loop.
public func buildRouter(services: AppServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    if concurrencyRunsOnEventLoops { router.add(middleware: ConnectionLoopMiddleware()) }
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SessionMiddleware(services: services))
    for endpoint in allEndpoints(services: services) {
        let guardian = AccessGuard(access: RouteAccess.access(for: endpoint.key), kind: endpoint.documentation.kind)
        let handler = endpoint.handler
        router.on(RouterPath(endpoint.key.path), method: endpoint.key.method) { request, context in
            var request = request
            let context = try await guardian.check(&request, context: context)
            return try await handler(request, context)
        }
    }
    return router
}

/// Every endpoint the server registers, API and pages; the OpenAPI document lists the same.
public func allEndpoints(services: AppServices) -> [Endpoint] {
    var endpoints = SessionAPI(services: services).endpoints + ClientAPI(services: services).endpoints
    endpoints += ReferralAPI(services: services).endpoints + SystemAPI(services: services).endpoints
    endpoints += CaseCommandAPI(services: services).endpoints + OrganisationAPI(services: services).endpoints
    endpoints += ElectionAPI(services: services).endpoints + UserAPI(services: services).endpoints
    endpoints += CorrectionAPI(services: services).endpoints + ReportAPI(services: services).endpoints
    endpoints += AdminAPI(services: services).endpoints + ReadModelAPI(services: services).endpoints
    endpoints += PrivacyAPI(services: services).endpoints
    endpoints += LoginPages(services: services).endpoints + ClientPages(services: services).endpoints
    endpoints += WorkPages(services: services).endpoints + ReportPages(services: services).endpoints
    endpoints += AdminPages(services: services).endpoints + UserPages(services: services).endpoints
    endpoints += SocietyPages(services: services).endpoints + ElectionPages(services: services).endpoints
    endpoints += PrivacyPages(services: services).endpoints + RetentionPages(services: services).endpoints
    endpoints += PartnerPages(services: services).endpoints + CorrectionPages(services: services).endpoints
    return endpoints
}

/// Builds the application over an open store: the router, the listening address and the
/// server's name, as in Hummingbird's project template.
public func buildApplication(
    services: AppServices, logger: Logger
) -> some ApplicationProtocol {
    let router = buildRouter(services: services)
    return Application(
        router: router,
        configuration: .init(
            address: .hostname(services.configuration.host, port: services.configuration.port), serverName: "Harbour"),
        logger: logger)
}

/// Builds the application and serves until SIGINT or SIGTERM, then shuts down gracefully.
/// The one entry point `harbour serve` needs, so only Server imports Hummingbird.
/// The read models follow the log while it serves, and are closed after.
public func runApplication(services: AppServices, logger: Logger) async throws {
    await services.start()
    do {
        try await buildApplication(services: services, logger: logger).runService()
    } catch {
        await services.close()
        throw error
    }
    await services.close()
}
