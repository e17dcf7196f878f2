import Foundation
import LMDB

/// Size and use of a store, for `harbour stats` and monitoring.
public struct StoreStatistics: Sendable, Equatable {
    public let events: UInt64
    public let streams: Int
    public let mapSizeBytes: Int
    public let usedBytes: Int
    public let fileSizeBytes: Int
    public let readersUsed: Int
    public let readersMax: Int
    public let lastRecordedAt: Timestamp?
}

extension EventStore {
    public func statistics() throws -> StoreStatistics {
        let info = try environment.info()
        let streams = try read { transaction in
            try StreamIndex.count(in: transaction, layout: layout) + unindexedNewStreamCount(in: transaction)
        }
        let head = headPosition
        let lastRecordedAt = try head > 0 ? event(at: head)?.recordedAt : nil
        let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/data.mdb")
        return StoreStatistics(
            events: head, streams: streams, mapSizeBytes: info.mapSizeBytes, usedBytes: info.usedBytes,
            fileSizeBytes: (attributes?[.size] as? Int) ?? 0, readersUsed: info.readersUsed,
            readersMax: info.readersMax, lastRecordedAt: lastRecordedAt)
    }

    /// Copies the store to `destination` (a new or empty folder) while appends continue,
    /// compacting it, then opens the copy and verifies its whole chain.
    ///
    /// - Returns: the copy's verification report.
    /// - Throws: ``EventStoreError/invalidInput(field:problem:)`` if `destination` is not empty.
    public func backup(to destination: String) async throws -> VerificationReport {
        try Self.prepareEmptyFolder(destination)
        do {
            try environment.copy(to: destination, compact: true)
        } catch {
            throw EventStoreError.from(error, mapSizeBytesMax: environment.configuration.mapSizeBytesMax)
        }
        let copy = try EventStore.open(directory: destination, create: false, logger: logger)
        let report: VerificationReport
        do {
            report = try copy.verify()
        } catch {
            await copy.close()
            throw error
        }
        await copy.close()
        return report
    }

    static func prepareEmptyFolder(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw EventStoreError.invalidInput(field: "destination", problem: "\(path) is a file, not a folder")
            }
            guard try FileManager.default.contentsOfDirectory(atPath: path).isEmpty else {
                throw EventStoreError.invalidInput(field: "destination", problem: "\(path) is not empty")
            }
            return
        }
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}
