public import Events
import Foundation

/// The sealed boxes in an event's payload bytes: what tests check against the key database.
public enum SealedPayloads {
    /// Every `{"sealed": {"keyId", "box"}}` value anywhere in `payload` (JSON).
    public static func boxes(in payload: [UInt8]) throws -> [SealedBox] {
        try boxes(inJSON: JSONSerialization.jsonObject(with: Data(payload)))
    }

    private static func boxes(inJSON json: Any) throws -> [SealedBox] {
        if let object = json as? [String: Any] {
            if let sealed = object["sealed"] {
                return [try JSONDecoder().decode(SealedBox.self, from: JSONSerialization.data(withJSONObject: sealed))]
            }
            return try object.values.flatMap { try boxes(inJSON: $0) }
        }
        if let array = json as? [Any] { return try array.flatMap { try boxes(inJSON: $0) } }
        return []
    }
}
