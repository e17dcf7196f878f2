import EventStore
import Events
import Foundation

extension AccessRequestExport {
    /// The export as one self-contained, print-ready HTML page: a summary, who viewed the file,
    /// then every event with its fields.
    public func html() -> String {
        var page = [
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
            "<title>Access request: client \(Self.escape(clientId.rawValue))</title>",
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;width:100%}",
            "td,th{border:1px solid #999;padding:.3em;text-align:left;vertical-align:top}pre{white-space:pre-wrap;margin:0}",
            "@media print{section{break-inside:avoid}}</style></head><body>",
            "<h1>Everything held about client \(Self.escape(clientId.rawValue))</h1>",
            "<p>Exported \(Self.escape(exportedAt.iso8601)). \(events.count) records, \(views.count) views of the file.",
            erased ? " The client's personal data was erased: sealed fields can no longer be read.</p>" : "</p>",
            "<h2>Who viewed the file</h2><table><tr><th>When</th><th>Who</th><th>Why</th></tr>",
        ]
        for view in views {
            var purpose = ""
            if case .object(let fields) = view.payload, case .string(let text)? = fields["purpose"] { purpose = text }
            page.append("<tr><td>\(Self.escape(view.recordedAt.iso8601))</td><td>\(Self.escape(view.actor))</td><td>\(Self.escape(purpose))</td></tr>")
        }
        page.append("</table><h2>Every record</h2>")
        for entry in events {
            page.append("<section><h3>\(Self.escape(entry.eventType)) — \(Self.escape(entry.recordedAt.iso8601)) by \(Self.escape(entry.actor))</h3>")
            page.append("<pre>\(Self.escape(Self.pretty(entry.payload)))</pre></section>")
        }
        page.append("</body></html>")
        return page.joined(separator: "\n")
    }

    static func pretty(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
