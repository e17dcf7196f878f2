public import Logging

/// Writes the lines swift-log's `StreamLogHandler` writes, but renders the logger's metadata
/// only for a line that is written. `StreamLogHandler` renders (sorts and joins) all of its
/// metadata whenever any of it is set, and every request sets some: Hummingbird its
/// `hb.request.id`, Harbour its `request_id`. At `--log-level notice` no request line is
/// written, so that rendering was paid twice a request for nothing.
public struct DeferredMetadataLogHandler: LogHandler {
    /// Writes the lines; holds no metadata of its own, so it never renders any when set.
    private var output: StreamLogHandler

    public var metadata: Logger.Metadata = [:]

    public var logLevel: Logger.Level = .info

    public var metadataProvider: Logger.MetadataProvider? {
        get { output.metadataProvider }
        set { output.metadataProvider = newValue }
    }

    /// A handler writing to standard error, as swift-log's default handler does.
    public init(label: String) {
        self.init(output: .standardError(label: label))
    }

    /// A handler writing its lines through `output` (tests give it a stream to read).
    public init(output: StreamLogHandler) {
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        // The line's own metadata wins over the logger's, as in `StreamLogHandler`.
        if let explicit = event.metadata, !explicit.isEmpty {
            event.metadata = metadata.merging(explicit) { _, explicit in explicit }
        } else {
            event.metadata = metadata
        }
        output.log(event: event)
    }
}
