@testable import EventStore
import Foundation
import HarbourTestSupport
import Testing

/// A child process appends in a loop; the test kills it with SIGKILL at random moments and
/// checks that every acknowledged append survived, no batch is partial and the chain verifies.
/// `HARBOUR_CRASH_ROUNDS` raises the number of kills for a longer soak.
@Suite("Crash safety")
struct CrashSafetyTests {
    struct Acknowledgement {
        let batchId: String
        let stream: String
        let positions: [UInt64]
    }

    @Test("kill -9 mid-append loses no acknowledged event and leaves no partial batch")
    func killNine() async throws {
        let rounds = ProcessInfo.processInfo.environment["HARBOUR_CRASH_ROUNDS"].flatMap(Int.init) ?? 24
        let child = try BuiltProducts.path(of: "CrashAppender")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.child("store")
        var generator = SystemRandomNumberGenerator()
        var acknowledgedTotal = 0
        var roundsWithTail = 0
        for round in 0..<rounds {
            let delay = Int.random(in: 20...400, using: &generator)
            let acknowledged = try await runAndKill(child, arguments: [path, "\(round)"], afterMilliseconds: delay)
            acknowledgedTotal += acknowledged.count
            if try await check(path, acknowledged: acknowledged, round: round) { roundsWithTail += 1 }
        }
        #expect(acknowledgedTotal > rounds, "the child acknowledged appends before being killed")
        // The writer indexes streams behind the log: most kills leave records past the indexes.
        #expect(roundsWithTail > 0, "some kill left an unindexed tail for the reopen to find")
    }

    private func runAndKill(_ executable: String, arguments: [String], afterMilliseconds delay: Int) async throws -> [Acknowledgement] {
        let child = try ChildProcess(executable: executable, arguments: arguments)
        try await Task.sleep(for: .milliseconds(delay))
        child.kill(SIGKILL)
        let result = child.waitUntilExit()
        let text = String(decoding: result.standardOutput, as: UTF8.self)
        // Only whole lines count: a line cut by the kill was never fully acknowledged to us.
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 4, fields[0] == "ACK" else { return nil }
            return Acknowledgement(
                batchId: String(fields[1]), stream: String(fields[2]),
                positions: fields[3].split(separator: ",").compactMap { UInt64($0) })
        }
    }

    /// Checks the reopened store; true when it found records past its stream indexes.
    private func check(_ path: String, acknowledged: [Acknowledgement], round: Int) async throws -> Bool {
        let store = try EventStore.open(directory: path, create: false)
        defer { Task { await store.close() } }
        let hadTail = store.tailIndex.current.eventCount > 0
        for ack in acknowledged {
            for position in ack.positions {
                let event = try #require(try store.event(at: position), "round \(round): acknowledged position \(position) is missing")
                #expect(event.streamId == ack.stream)
                #expect(event.text.hasPrefix("batch=\(ack.batchId) "))
            }
        }
        var batches: [String: (declared: Int, positions: [UInt64])] = [:]
        var streams: [String: [UInt64]] = [:]
        var logPositions: [UInt64] = []
        try store.scan { event in
            streams[event.streamId, default: []].append(event.position)
            logPositions.append(event.position)
            let fields = Dictionary(uniqueKeysWithValues: event.text.split(separator: " ").map {
                let pair = $0.split(separator: "=")
                return (String(pair[0]), String(pair[1]))
            })
            let batchId = fields["batch"] ?? "?"
            batches[batchId, default: (Int(fields["count"] ?? "") ?? -1, [])].positions.append(event.position)
            return true
        }
        for (batchId, batch) in batches {
            #expect(batch.positions.count == batch.declared, "round \(round): batch \(batchId) is partial")
            #expect(batch.positions == Array(batch.positions[0]..<batch.positions[0] + UInt64(batch.positions.count)))
        }
        // Stream and category reads (indexes plus the re-read tail) match the log exactly.
        for (stream, positions) in streams {
            let read = try store.readStream(stream)
            #expect(read.map(\.position) == positions, "round \(round): stream \(stream) reads other positions than the log holds")
            #expect(read.map(\.streamVersion) == Array(0..<UInt64(positions.count)))
            #expect(try store.readStream(stream, direction: .backwards).map(\.position) == positions.reversed())
        }
        #expect(try store.readCategory("client", limit: .max).map(\.position) == logPositions, "round \(round): category")
        let report = try store.verify()
        #expect(report.isIntact, "round \(round): \(String(describing: report.firstProblem))")
        await store.close()
        return hadTail
    }
}
