import Foundation
import Hummingbird
import NIOCore

/// Turns a request body into a value, or into problem details naming the field at fault:
/// unreadable JSON and wrong types are 400, missing or invalid values 422, never a 500.
enum RequestDecoding {
    /// Largest request body read.
    static let bodyBytesMax = 1 << 20

    /// Decodes the body as JSON into `T`.
    static func json<T: Decodable>(_ type: T.Type, from request: inout Request) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: bodyBytesMax)
        } catch {
            throw ProblemDetails(
                .contentTooLarge, detail: "The request body is over \(bodyBytesMax) bytes.",
                errors: [FieldProblem(field: "body", problem: "is over the limit of \(bodyBytesMax) bytes")])
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw problem(for: error)
        }
    }

    /// The problem details for a decoding failure.
    static func problem(for error: DecodingError) -> ProblemDetails {
        switch error {
        case .typeMismatch(let type, let context):
            return bad(.badRequest, path(context.codingPath), "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return bad(.unprocessableContent, path(context.codingPath), "is required (\(describe(type)))")
        case .keyNotFound(let key, let context):
            return bad(.unprocessableContent, path(context.codingPath + [key]), "is required")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return bad(.badRequest, "body", "is not valid JSON")
        case .dataCorrupted(let context):
            return bad(.unprocessableContent, path(context.codingPath), "is not valid: \(context.debugDescription)")
        @unknown default:
            return bad(.badRequest, "body", "could not be read")
        }
    }

    private static func bad(_ status: HTTPResponse.Status, _ field: String, _ problem: String) -> ProblemDetails {
        ProblemDetails(status, detail: "\(field) \(problem)", errors: [FieldProblem(field: field, problem: problem)])
    }

    /// `a.b[2].c` for a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "body" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is UInt64.Type: "an integer"
        case is [Any].Type: "an array"
        default: "an object or value of type \(type)"
        }
    }
}
