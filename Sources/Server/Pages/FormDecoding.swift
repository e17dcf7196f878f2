import Foundation

/// Decodes a form through the same body types as the JSON API, so a form field is checked by
/// exactly the rules the API applies and named the same way in problems.
enum FormDecoding {
    /// `fields` (strings, numbers, booleans, nested objects) decoded as `T`.
    static func decode<T: Decodable>(_ type: T.Type, _ fields: [String: Any]) throws -> T {
        let data = try JSONSerialization.data(withJSONObject: fields)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw RequestDecoding.problem(for: error)
        }
    }

    /// A number field as a number when it reads as one, else as typed (so the decoder names it).
    static func number(_ text: String?) -> Any? {
        guard let text else { return nil }
        return Int(text) ?? text
    }
}
