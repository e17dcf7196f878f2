import AgencyHistory
import EventStore
import Events
import Foundation
import Privacy
import Projections

// harbour-privacy-bench [events] [rounds]
// Appends the same generated agency history (AgencyHistory, seed 42) to two fresh stores in one
// run, one with personal fields in clear and one sealed with per-stream data keys (AES-256-GCM,
// keys in <data>/keys), then replays each: decoding every event (the sealed store's opened with
// the keys, as the casework service and the web app read) and rebuilding every projection
// (which never open sealed fields). Each measurement is the best of `rounds`.
// Run in release mode: swift run -c release harbour-privacy-bench 200000 3

let arguments = CommandLine.arguments
let eventsWanted = arguments.count > 1 ? Int(arguments[1]) ?? 200_000 : 200_000
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
let root = NSTemporaryDirectory() + "harbour-privacy-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: root) }

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Generates and appends the history (sealing as it is generated when `keys` is given).
func append(to folder: String, keys: KeyRing?) async throws -> Double {
    let store = try EventStore.open(directory: folder)
    let elapsed = try await seconds {
        for batch in AgencyHistory(seed: 42, count: eventsWanted, sealer: keys).batches() {
            for outcome in try await store.append(batch) { _ = try outcome.get() }
        }
    }
    await store.close()
    return elapsed
}

/// Decodes every event of the log through `registry`.
func decodeAll(_ folder: String, registry: EventRegistry) async throws -> Double {
    let store = try EventStore.open(directory: folder, create: false)
    let elapsed = try await seconds {
        var decoded = 0
        try store.scan { record in
            _ = try registry.decode(eventType: record.eventType, schemaVersion: record.schemaVersion, payload: record.payload)
            decoded += 1
            return true
        }
        precondition(decoded == eventsWanted)
    }
    await store.close()
    return elapsed
}

/// Rebuilds every projection from the log.
func rebuildProjections(_ folder: String) async throws -> Double {
    let store = try EventStore.open(directory: folder, create: false)
    let host = try ProjectionHost.open(store: store)
    let elapsed = try await seconds { try await host.rebuild() }
    await host.close()
    await store.close()
    return elapsed
}

func logBytes(_ folder: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: folder + "/data.mdb"))?[.size] as? NSNumber)?.intValue ?? 0
}

var best: [String: Double] = [:]
@MainActor func record(_ name: String, _ value: Double) { best[name] = min(best[name] ?? .infinity, value) }

let master = MasterKey.generate()
for round in 1...rounds {
    let clear = root + "/clear-\(round)"
    let sealed = root + "/sealed-\(round)"
    let keys = try KeyRing.open(dataDirectory: sealed, master: master)
    record("append clear", try await append(to: clear, keys: nil))
    record("append sealed", try await append(to: sealed, keys: keys))
    record("decode clear", try await decodeAll(clear, registry: .standard))
    record("decode sealed, opened", try await decodeAll(sealed, registry: EventRegistry.standard.opening(with: keys)))
    record("rebuild projections clear", try await rebuildProjections(clear))
    record("rebuild projections sealed", try await rebuildProjections(sealed))
    if round == rounds {
        print("log size: clear \(logBytes(clear) >> 20) MiB, sealed \(logBytes(sealed) >> 20) MiB; data keys: \(try keys.keyCount())")
    }
    for folder in [clear, sealed] where round < rounds { try? FileManager.default.removeItem(atPath: folder) }
}

print("\(eventsWanted) events, best of \(rounds) rounds (seconds, events/s):")
for name in ["append clear", "append sealed", "decode clear", "decode sealed, opened", "rebuild projections clear", "rebuild projections sealed"] {
    let value = best[name]!
    print("  " + name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%7.2f s  %9.0f events/s", value, Double(eventsWanted) / value))
}
for (clear, sealed) in [("append clear", "append sealed"), ("decode clear", "decode sealed, opened"), ("rebuild projections clear", "rebuild projections sealed")] {
    print("  \(sealed) / \(clear): " + String(format: "%.2f×", best[sealed]! / best[clear]!))
}
