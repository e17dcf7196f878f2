import AgencyHistory
import EventStore
import Foundation

/// The second pass of an import: re-reads the file and appends the lines the first pass
/// accepted, in multi-stream batches (one durable transaction each).
struct ImportAppender {
    let store: EventStore
    let batchEvents: Int
    let quiet: Bool

    /// Appends the events on `lines` of `file`; returns how many were appended.
    func append(from file: String, lines: Set<Int>, total: UInt64) async throws -> UInt64 {
        let progress = ProgressReport("import", total: total, quiet: quiet)
        var batch: [StreamAppend] = []
        var batchLines: [Int] = []
        var appended: UInt64 = 0
        for (number, bytes) in LineReader(path: file) where lines.contains(number) {
            let line = try EventLineParser.parse(bytes)
            let event = line.proposedEvent()
            if let last = batch.last, last.stream == line.stream {
                batch[batch.count - 1].events.append(event)
            } else {
                batch.append(StreamAppend(stream: line.stream, events: [event], expected: Self.expected(line)))
                batchLines.append(number)
            }
            appended += 1
            if appended % UInt64(batchEvents) == 0 {
                try await commit(batch, lines: batchLines, file: file)
                batch.removeAll(keepingCapacity: true)
                batchLines.removeAll(keepingCapacity: true)
                progress.update(appended)
            }
        }
        if !batch.isEmpty { try await commit(batch, lines: batchLines, file: file) }
        progress.finish()
        return appended
    }

    private static func expected(_ line: ParsedEventLine) -> ExpectedVersion {
        guard let version = line.streamVersion else { return .any }
        return version == 0 ? .noStream : .exactly(version - 1)
    }

    /// Appends one batch; any refusal (the log changed since the check) stops the import.
    private func commit(_ batch: [StreamAppend], lines: [Int], file: String) async throws {
        let outcomes = try await store.append(batch)
        for (index, outcome) in outcomes.enumerated() {
            if case .failure(let error) = outcome {
                throw CommandFailure(
                    .failure,
                    "\(file):\(lines[index]): the store refused the event: \(error); events before this batch were imported, re-run the import to continue")
            }
        }
    }
}
