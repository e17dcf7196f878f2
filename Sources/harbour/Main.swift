import ArgumentParser
import Foundation
import Server

/// Runs the command line, mapping every failure to one line on stderr and a documented exit
/// status (ArgumentParser's own usage status, 64, becomes 2 as the documentation promises).
@main
enum HarbourMain {
    static func main() async {
        do {
            var command = try Harbour.parseAsRoot()
            // Still on the main thread, before the command starts any task.
            if command is ServeCommand { runConcurrencyOnEventLoops() }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            Terminal.error(failure.message)
            exit(failure.status.rawValue)
        } catch {
            let code = Harbour.exitCode(for: error)
            if code == .success {
                // --help and --version: ArgumentParser prints them.
                Harbour.exit(withError: error)
            } else if let exitCode = error as? ExitCode {
                exit(exitCode.rawValue)
            } else if code == .validationFailure {
                Terminal.error("\(Harbour.message(for: error)) (see harbour --help)")
                exit(ExitStatus.usage.rawValue)
            } else {
                // Storage, file and other errors: their own description, on one line.
                Terminal.error("\(error)")
                exit(ExitStatus.failure.rawValue)
            }
        }
    }
}
