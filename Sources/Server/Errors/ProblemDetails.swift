import Foundation
public import HTTPTypes
public import Hummingbird
import NIOCore

/// One bad field and what is wrong with it.
public struct FieldProblem: Codable, Sendable, Hashable {
    /// The field's path in the request, e.g. `dateOfBirth` or `consents.privacyStatement`.
    public let field: String
    /// What is wrong, e.g. `is in the future (2030-01-01)`.
    public let problem: String

    /// A problem with `field`.
    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }
}

/// An RFC 9457 problem details response (`application/problem+json`), the one error shape of
/// the API: every refusal names the fields at fault.
public struct ProblemDetails: HTTPResponseError, Codable, Sendable {
    /// `about:blank`: the status says it all; `title` is the status's phrase.
    public let type: String
    /// The status's reason phrase.
    public let title: String
    /// The HTTP status code.
    public let statusCode: Int
    /// A sentence saying what went wrong.
    public let detail: String
    /// Each bad field.
    public let errors: [FieldProblem]
    /// For an expected-version conflict: the stream's version now (absent: no such stream).
    public let currentVersion: UInt64?
    /// For a throttled sign-in: seconds to wait (also sent as `Retry-After`).
    public let retryAfterSeconds: Int?

    /// A problem with `status`, `detail` and the fields at fault.
    public init(
        _ status: HTTPResponse.Status, detail: String, errors: [FieldProblem] = [], currentVersion: UInt64? = nil,
        retryAfterSeconds: Int? = nil
    ) {
        self.type = "about:blank"
        self.title = status.reasonPhrase
        self.statusCode = status.code
        self.detail = detail
        self.errors = errors
        self.currentVersion = currentVersion
        self.retryAfterSeconds = retryAfterSeconds
    }

    enum CodingKeys: String, CodingKey {
        case type, title, detail, errors, currentVersion, retryAfterSeconds
        case statusCode = "status"
    }

    /// The HTTP status.
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    /// The media type of RFC 9457.
    public static let mediaType = "application/problem+json"

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(self)
        var headers: HTTPFields = [.contentType: Self.mediaType]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(
            status: status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
