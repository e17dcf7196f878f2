import Events
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One structured log line per request: method, path, status, duration and the signed-in user,
/// under the request id that is also the correlation id of the events it appended.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[.requestId] = context.requestIdText
            log(request, context: context, status: response.status.code, since: start)
            return response
        } catch let error as any HTTPResponseError {
            // Answer here rather than in the router, so error answers carry the request id too.
            var response = try error.response(from: request, context: context)
            response.headers[.requestId] = context.requestIdText
            log(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            log(request, context: context, status: 500, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        context.logger.log(
            level: status >= 500 ? .error : .info, "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "status": .stringConvertible(status), "duration_us": .stringConvertible(microseconds),
                "user": .string(context.account?.userId.rawValue ?? "-"),
            ])
    }
}

extension HTTPField.Name {
    /// The request id, echoed so a user can quote it when reporting a problem.
    static let requestId = Self("X-Request-Id")!
    /// The client's idempotency key: the event id of the first event a write appends.
    static let idempotencyKey = Self("Idempotency-Key")!
    /// The CSRF token echoed by scripts that call the API with the session cookie.
    static let csrfToken = Self("X-CSRF-Token")!
}
