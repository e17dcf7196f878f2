import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON answers, with the stream version as the `ETag` when there is one, so the next write
/// can send it back as `If-Match`.
enum JSONResponse {
    /// `value` as JSON with `status`.
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable, version: UInt64? = nil) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return make(status, body: ByteBuffer(bytes: try encoder.encode(value)), version: version)
    }

    /// `body`, already JSON, with `status`.
    static func make(_ status: HTTPResponse.Status, body: ByteBuffer, version: UInt64? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let version { headers[.eTag] = "\"\(version)\"" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// A write's answer: 201 the first time, 200 for a replay of the same idempotency key.
    static func written(_ result: WriteResult) throws -> Response {
        try make(result.replayed ? .ok : .created, result, version: result.streamVersion)
    }
}
