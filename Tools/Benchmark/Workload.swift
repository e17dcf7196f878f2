import EventStore
import Foundation

/// The generated JSONL workload: each line becomes one event whose payload is the whole line,
/// so Harbour stores the same bytes the raw C program does.
enum Workload {
    struct Event: Sendable {
        let stream: String
        let type: String
        let line: [UInt8]

        func proposal() -> ProposedEvent {
            ProposedEvent(eventType: type, actor: "bench", payload: line)
        }
    }

    static func load(_ path: String) throws -> [Event] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try data.split(separator: UInt8(ascii: "\n")).map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let stream = object["stream"] as? String, let type = object["type"] as? String
            else { throw BenchmarkError("workload line without stream or type") }
            return Event(stream: stream, type: type, line: Array(line))
        }
    }

    /// One append per stream, in order of first appearance, keeping each stream's event order.
    static func streamAppends(_ events: ArraySlice<Event>) -> [StreamAppend] {
        var order: [String] = []
        var byStream: [String: [ProposedEvent]] = [:]
        for event in events {
            if byStream[event.stream] == nil { order.append(event.stream) }
            byStream[event.stream, default: []].append(event.proposal())
        }
        return order.map { StreamAppend(stream: $0, events: byStream[$0]!) }
    }
}
