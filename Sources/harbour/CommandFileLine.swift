import Events
import Foundation

/// One line of a command file:
/// `{"command":"RegisterClient","commandId":"<uuid>","actor":"<user id>","input":{…}}`, where
/// `input` is the body the JSON API takes for that command plus the ids its path names.
struct CommandFileLine {
    /// The fields a command line has.
    static let fields = ["command", "commandId", "actor", "input"]

    /// The Casework command's type name, e.g. `RegisterClient`.
    let command: String
    /// Makes the command idempotent: the first event's id, so a re-import finds it.
    let commandId: UUID
    /// The user the command is issued by (their roles are read from the log).
    let actor: UserID
    /// The input object, as JSON.
    let input: Data

    /// Parses `bytes`, naming the first field at fault.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(LineProblem) -> CommandFileLine {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) else { throw LineProblem("line", "is not valid JSON") }
        guard case .object(let object) = value else { throw LineProblem("line", "is not a JSON object") }
        for key in object.keys.sorted() where !fields.contains(key) {
            throw LineProblem(key, "is not a field of a command line (\(fields.joined(separator: ", ")))")
        }
        let command = try string(object, "command")
        let idText = try string(object, "commandId")
        guard let commandId = UUID(uuidString: idText) else { throw LineProblem("commandId", "is not a UUID (got '\(idText)')") }
        let actor = try string(object, "actor")
        guard let input = object["input"] else { throw LineProblem("input", "is missing") }
        guard case .object = input, let data = try? JSONEncoder().encode(input) else { throw LineProblem("input", "is not an object") }
        return CommandFileLine(command: command, commandId: commandId, actor: UserID(actor), input: data)
    }

    private static func string(_ object: [String: JSONValue], _ field: String) throws(LineProblem) -> String {
        guard let value = object[field] else { throw LineProblem(field, "is missing") }
        guard case .string(let text) = value, !text.isEmpty else { throw LineProblem(field, "is not a non-empty string") }
        return text
    }

    /// True when the first non-blank line of `path` is a JSON object with a `command` field:
    /// the file holds commands, not event envelopes.
    static func isCommandFile(_ path: String) -> Bool {
        for (_, bytes) in LineReader(path: path) where !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            guard case .object(let object) = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) else { return false }
            return object["command"] != nil
        }
        return false
    }
}
