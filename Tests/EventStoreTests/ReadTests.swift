import EventStore
import Foundation
import HarbourTestSupport
import Testing

@Suite("Reads")
struct ReadTests {
    @Test("streams read forwards and backwards from a version")
    func streamDirections() async throws {
        try await withTemporaryStore { store in
            _ = try await store.append(.samples(5, prefix: "a"), to: "client-1")
            _ = try await store.append(.samples(2, prefix: "b"), to: "client-10")
            _ = try await store.append(.samples(2, prefix: "c"), to: "client")
            #expect(try store.readStream("client-1").map(\.text) == ["a-0", "a-1", "a-2", "a-3", "a-4"])
            #expect(try store.readStream("client-1", from: 3).map(\.streamVersion) == [3, 4])
            #expect(try store.readStream("client-1", direction: .backwards).map(\.streamVersion) == [4, 3, 2, 1, 0])
            #expect(try store.readStream("client-1", from: 2, direction: .backwards, limit: 2).map(\.streamVersion) == [2, 1])
            #expect(try store.readStream("client-10", direction: .backwards).map(\.text) == ["b-1", "b-0"])
            #expect(try store.readStream("client", direction: .backwards).map(\.text) == ["c-1", "c-0"])
            #expect(try store.readStream("client-2").isEmpty)
        }
    }

    @Test("the log and a category read from a position")
    func logAndCategory() async throws {
        try await withTemporaryStore { store in
            for index in 0..<4 {
                _ = try await store.append([.sample("c\(index)")], to: "client-\(index)")
                _ = try await store.append([.sample("m\(index)")], to: "member-\(index)")
            }
            #expect(try store.readAll(from: 3, limit: 3).map(\.position) == [3, 4, 5])
            #expect(try store.readCategory("member", limit: 10).map(\.text) == ["m0", "m1", "m2", "m3"])
            #expect(try store.readCategory("member", from: 5, limit: 10).map(\.text) == ["m2", "m3"])
            #expect(try store.readCategory("client", from: 2, limit: 1).map(\.position) == [3])
            #expect(try store.readCategory("referral", limit: 10).isEmpty)
        }
    }

    @Test("a recorded-at date maps to the last position recorded by then")
    func positionByDate() async throws {
        try await withTemporaryStore { store in
            _ = try await store.append(.samples(3), to: "client-1")
            try await Task.sleep(for: .milliseconds(20))
            let between = Timestamp.now()
            try await Task.sleep(for: .milliseconds(20))
            _ = try await store.append(.samples(2), to: "client-1")
            #expect(try store.position(recordedAtOrBefore: between) == 3)
            #expect(try store.position(recordedAtOrBefore: Timestamp(microsecondsSinceEpoch: 0)) == 0)
            #expect(try store.position(recordedAtOrBefore: .now()) == 5)
        }
    }

    @Test("timestamps print exactly as printf did (the text is part of what exports carry)")
    func timestampDigits() {
        func printf(_ micros: Int64) -> String {
            let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
            var time = time_t(seconds)
            var parts = tm()
            gmtime_r(&time, &parts)
            return String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(micros - seconds * 1_000_000))
        }
        let edges: [Int64] = [0, -1, -500_000, 1_743_499_800_123_456, 253_402_300_799_999_999, 253_402_300_800_000_000, -62_135_596_800_000_000]
        for micros in edges + (0..<500).map({ Int64($0) * 97_654_321_987_123 - 3_000_000_000_000_000 }) {
            #expect(Timestamp(microsecondsSinceEpoch: micros).iso8601 == printf(micros), "\(micros)")
        }
    }

    @Test("timestamps print and parse as ISO 8601")
    func timestamps() throws {
        let stamp = try #require(Timestamp(iso8601: "2025-04-01T09:30:00.123456Z"))
        #expect(stamp.iso8601 == "2025-04-01T09:30:00.123456Z")
        #expect(Timestamp(iso8601: "2025-04-01T11:30:00+02:00") == Timestamp(iso8601: "2025-04-01T09:30:00Z"))
        #expect(Timestamp(iso8601: "1969-12-31T23:59:59.5Z")?.microsecondsSinceEpoch == -500_000)
        #expect(Timestamp(iso8601: "2025-04-01")?.iso8601 == "2025-04-01T00:00:00.000000Z")
        #expect(Timestamp(iso8601: "2025-02-30") == nil)
        #expect(Timestamp(iso8601: "2025-04-01T25:00:00Z") == nil)
        #expect(Timestamp(iso8601: "yesterday") == nil)
    }
}
