import EventStore
import Hummingbird
import Server
import Testing

@Suite("Store faults as HTTP statuses")
struct StoreFaultStatusTests {
    @Test("a full, busy or closed store answers 503; a corrupt one 500; bad input 4xx")
    func statuses() {
        #expect(EventStoreError.storeFull(mapSizeBytesMax: 1 << 30).status == .serviceUnavailable)
        #expect(EventStoreError.readersFull.status == .serviceUnavailable)
        #expect(EventStoreError.closed.status == .serviceUnavailable)
        #expect(EventStoreError.corruptRecord(position: 7, reason: "hash mismatch").status == .internalServerError)
        #expect(EventStoreError.invalidInput(field: "stream", problem: "is empty").status == .unprocessableContent)
        #expect(EventStoreError.wrongExpectedVersion(stream: "client-1", expected: .exactly(1), actual: 2).status == .conflict)
    }
}
