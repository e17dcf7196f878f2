@testable import EventStore
import Testing

@Suite("Stream heads")
struct StreamHeadsTests {
    @Test("a later commit's head replaces an earlier one, and other streams keep theirs")
    func laterWins() {
        var heads = StreamHeads()
        heads.record([Array("client-1".utf8): 3, Array("client-2".utf8): 0])
        heads.record([Array("client-1".utf8): 5])
        #expect(heads.version(of: Array("client-1".utf8)) == 5)
        #expect(heads.version(of: Array("client-2".utf8)) == 0)
        #expect(heads.version(of: Array("client-3".utf8)) == nil)
    }

    @Test("past its bound it forgets everything before taking the new heads")
    func bounded() {
        var heads = StreamHeads()
        heads.record(Dictionary(uniqueKeysWithValues: (0..<StreamHeads.streamsMax).map { (Array("s-\($0)".utf8), UInt64($0)) }))
        #expect(heads.versions.count == StreamHeads.streamsMax)
        heads.record([Array("new".utf8): 7])
        #expect(heads.versions.count == 1)
        #expect(heads.version(of: Array("new".utf8)) == 7)
        #expect(heads.version(of: Array("s-1".utf8)) == nil)
    }
}
