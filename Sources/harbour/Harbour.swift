import ArgumentParser

/// The root command: every administrator and accountant task on a Harbour data folder.
struct Harbour: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harbour",
        abstract: "Harbour: event-sourced case management for newcomer settlement agencies.",
        discussion: """
            The data folder is ./harbour-data unless HARBOUR_DATA or --data names another.

            Example:
              harbour demo
              harbour init --data /srv/harbour
              harbour import history.jsonl --data /srv/harbour

            \(ExitStatus.table)
            """,
        // The subcommand list: one entry per command (Serve*.swift adds the web server's).
        subcommands: [
            DemoCommand.self,
            InitCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            VerifyCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            StatsCommand.self,
            UsersCommand.self,
            GenerateCommand.self,
            ProjectionsCommand.self,
            RebuildCommand.self,
            ReplayCommand.self,
            ReportCommand.self,
            AuditCommand.self,
            PrivacyCommand.self,
            ServeCommand.self,
        ]
    )
}
