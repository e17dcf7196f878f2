/// The record bodies of one append request, encoded back to back by the appending task.
///
/// Encoding happens before the request reaches the single writer, so concurrent appenders
/// share that work across cores; the writer only fills in the position, the stream version
/// and the recorded-at time (``RecordCodec/seal(body:position:streamVersion:recordedAt:previousHash:into:)``),
/// hashes and puts. One buffer per request keeps it to two allocations, however many events.
struct EncodedBatch: Sendable {
    let bytes: [UInt8]
    /// Where each event's body ends in `bytes`.
    let ends: [Int]

    init(_ events: [ProposedEvent], streamId: String) {
        var ends: [Int] = []
        ends.reserveCapacity(events.count)
        var total = 0
        for index in events.indices {
            total += RecordCodec.bodyBytes(events[index], streamId: streamId)
            ends.append(total)
        }
        bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            var writer = ByteWriter(buffer: UnsafeMutableRawBufferPointer(buffer))
            for index in events.indices { RecordCodec.encodeBody(events[index], streamId: streamId, into: &writer) }
            precondition(writer.offset == total, "encoded \(writer.offset) of \(total) bytes")
            count = total
        }
        self.ends = ends
    }

    var count: Int { ends.count }

    /// Event `index`'s body inside `bytes` (the caller's view of ``bytes``).
    func body(_ index: Int, in bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeRawBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// Event `index`'s id, as the 16 key bytes of the `event-ids` index.
    func eventIdKey(_ index: Int, in bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let start = (index == 0 ? 0 : ends[index - 1]) + RecordCodec.eventIdOffset
        return UnsafeRawBufferPointer(rebasing: bytes[start..<start + 16])
    }
}
