import Foundation
import HarbourTestSupport
import Privacy
import Testing

@Suite struct MasterKeyTests {
    @Test func aKeyFileReadableByOthersIsRefused() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/master.key"
        _ = try MasterKey.create(file: path)
        chmod(path, 0o644)
        #expect(throws: PrivacyError.masterKeyFilePermissions(path: path, mode: UInt32(S_IFREG) | 0o644)) {
            try MasterKey.read(file: path)
        }
        chmod(path, 0o600)
        let key = try MasterKey.read(file: path)
        #expect(key.hexDigits.count == 64)
    }

    @Test func theEnvironmentGivesTheFileOrTheDigits() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/master.key"
        let created = try MasterKey.create(file: path)
        let fromFile = try MasterKey.fromEnvironment([MasterKey.fileVariable: path])
        #expect(fromFile?.hexDigits == created.hexDigits)
        let fromDigits = try MasterKey.fromEnvironment([MasterKey.valueVariable: created.hexDigits])
        #expect(fromDigits?.hexDigits == created.hexDigits)
        let none = try MasterKey.fromEnvironment([:])
        #expect(none == nil)
        #expect(throws: PrivacyError.masterKeyUnreadable(source: MasterKey.valueVariable, problem: "must be 64 hex digits (256 bits), found 3 characters")) {
            try MasterKey.fromEnvironment([MasterKey.valueVariable: "abc"])
        }
    }
}
