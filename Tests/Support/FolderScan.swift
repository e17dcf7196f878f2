public import Foundation

/// Every regular file under a folder, read whole, searched for byte strings: how the tests
/// check that nothing of an erased client is left anywhere on disk.
public struct FolderScan {
    /// Each file's path and bytes.
    public let files: [(path: String, bytes: Data)]

    /// Reads every regular file under `folder`.
    public init(_ folder: String) throws {
        var files: [(String, Data)] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files.append((path, try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        self.files = files
    }

    /// `file: needle` for each needle found in each file.
    public func occurrences(of needles: [[UInt8]]) -> [String] {
        var found: [String] = []
        for (path, bytes) in files {
            for needle in needles where !needle.isEmpty && bytes.range(of: Data(needle)) != nil {
                found.append("\(path): \(String(decoding: needle, as: UTF8.self).prefix(40))")
            }
        }
        return found
    }

    /// Same, for strings (UTF-8).
    public func occurrences(ofStrings needles: [String]) -> [String] {
        occurrences(of: needles.map { Array($0.utf8) })
    }
}
