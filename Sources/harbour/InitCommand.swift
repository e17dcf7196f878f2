import ArgumentParser
import EventStore
import Foundation

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty store in the data folder; refuses a folder that holds one already.",
        discussion: """
            Example:
              harbour init --data /srv/harbour
            """)

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let folder = options.dataFolder
        if options.storeExists {
            throw CommandFailure(.dataFolder, "\(folder) already holds a Harbour store; it was left as it is")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CommandFailure(.dataFolder, "\(folder) is a file, not a folder") }
            guard try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty else {
                throw CommandFailure(.dataFolder, "\(folder) is not empty and holds no Harbour store: choose an empty or new folder")
            }
        }
        let store = try StoreFiles.open(folder, create: true)
        await store.close()
        Terminal.print("created an empty Harbour store in \(folder)")
    }
}
