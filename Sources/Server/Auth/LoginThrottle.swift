public import Foundation
import Synchronization

/// Slows down password guessing: after a number of failed sign-ins for one account, or from
/// one address, further attempts are refused until a wait has passed, and the wait doubles with
/// each further failure up to a ceiling. A successful sign-in clears the account's record (not
/// the address's: one guessed account must not unlock the address for the others).
public final class LoginThrottle: Sendable {
    /// When throttling starts and how long it lasts.
    public struct Limits: Sendable, Hashable {
        /// Failures for one account before it must wait.
        public var accountFailuresFree: Int
        /// Failures from one address (over every account) before it must wait.
        public var addressFailuresFree: Int
        /// The first wait after the free failures.
        public var waitSecondsInitial: Int
        /// The longest wait, however many failures.
        public var waitSecondsMax: Int
        /// Failures older than this are forgotten.
        public var memorySeconds: Int
        /// Accounts and addresses remembered at once; the oldest are forgotten beyond it.
        public var entriesMax: Int

        /// 5 free failures per account, 20 per address, then 1 s doubling to 15 minutes;
        /// failures remembered for an hour, at most 100,000 keys.
        public init(
            accountFailuresFree: Int = 5, addressFailuresFree: Int = 20, waitSecondsInitial: Int = 1,
            waitSecondsMax: Int = 15 * 60, memorySeconds: Int = 60 * 60, entriesMax: Int = 100_000
        ) {
            self.accountFailuresFree = accountFailuresFree
            self.addressFailuresFree = addressFailuresFree
            self.waitSecondsInitial = waitSecondsInitial
            self.waitSecondsMax = waitSecondsMax
            self.memorySeconds = memorySeconds
            self.entriesMax = entriesMax
        }
    }

    struct Record {
        var failures: Int
        var lastFailure: Date
    }

    let limits: Limits
    let clock: @Sendable () -> Date
    private let records = Mutex<[String: Record]>([:])

    /// A throttle with `limits`, reading time from `clock`.
    public init(limits: Limits, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.limits = limits
        self.clock = clock
    }

    /// Seconds the caller must still wait before trying `username` from `address` (0: may try now).
    public func waitSeconds(username: String, address: String) -> Int {
        let now = clock()
        return records.withLock { records in
            max(
                wait(records["account:\(username)"], free: limits.accountFailuresFree, now: now),
                wait(records["address:\(address)"], free: limits.addressFailuresFree, now: now))
        }
    }

    /// Counts a failed sign-in against the account and the address.
    public func recordFailure(username: String, address: String) {
        let now = clock()
        records.withLock { records in
            for key in ["account:\(username)", "address:\(address)"] {
                var record = records[key] ?? Record(failures: 0, lastFailure: now)
                if now.timeIntervalSince(record.lastFailure) > Double(limits.memorySeconds) { record.failures = 0 }
                record.failures += 1
                record.lastFailure = now
                records[key] = record
            }
            if records.count > limits.entriesMax { forgetOldest(&records) }
        }
    }

    /// Clears the account's failures after a successful sign-in.
    public func recordSuccess(username: String) {
        _ = records.withLock { $0.removeValue(forKey: "account:\(username)") }
    }

    private func wait(_ record: Record?, free: Int, now: Date) -> Int {
        guard let record, record.failures >= free else { return 0 }
        let elapsedSeconds = now.timeIntervalSince(record.lastFailure)
        guard elapsedSeconds <= Double(limits.memorySeconds) else { return 0 }
        let doublings = min(record.failures - free, 30)
        let waitSeconds = min(limits.waitSecondsInitial << doublings, limits.waitSecondsMax)
        return max(0, Int((Double(waitSeconds) - elapsedSeconds).rounded(.up)))
    }

    private func forgetOldest(_ records: inout [String: Record]) {
        let excess = records.count - limits.entriesMax
        let oldest = records.sorted { $0.value.lastFailure < $1.value.lastFailure }.prefix(excess)
        for (key, _) in oldest { records[key] = nil }
    }
}
