import AgencyHistory
import ArgumentParser
import EventStore
import Events
import Foundation
import Projections

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for funders and the board.",
        discussion: "Example:\n  harbour report funder --contract ircc-sap-2025 --month 2025-06",
        subcommands: [FunderReportCommand.self])
}

struct FunderReportCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, xlsx
    }

    static let configuration = CommandConfiguration(
        commandName: "funder",
        abstract: "A funder contract's monthly or period report; --explain lists the events behind one figure.",
        discussion: """
            Examples:
              harbour report funder --contract ircc-sap-2025 --month 2025-06
              harbour report funder --contract ircc-sap-2025 --from 2025-04-01 --to 2025-09-30 --format xlsx --out h1.xlsx
              harbour report funder --contract ircc-sap-2025 --month 2025-06 --explain clients.unique
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("The funder contract id.", valueName: "C")) var contract: String
    @Option(help: ArgumentHelp("A month.", valueName: "YYYY-MM")) var month: String?
    @Option(help: ArgumentHelp("First day of the period.", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("Last day of the period.", valueName: "YYYY-MM-DD")) var to: String?
    @Option(help: "table, csv, json or xlsx (xlsx needs --out).") var format: Format = .table
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE")) var out: String?
    @Option(help: ArgumentHelp("List the events behind this figure (JSON Lines) instead of the report.", valueName: "CELL"))
    var explain: String?

    func validate() throws {
        _ = try period()
        if format == .xlsx, out == nil { throw ValidationError("--format xlsx: give --out FILE (a spreadsheet is not written to a terminal)") }
    }

    /// The period from --month, or --from and --to.
    func period() throws -> ReportPeriod {
        switch (month, from, to) {
        case (let month?, nil, nil):
            let parts = month.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let number = Int(parts[1]),
                let period = try? ReportPeriod.month(year: year, month: number)
            else { throw ValidationError("--month: '\(month)' is not a month such as 2025-06") }
            return period
        case (nil, let from?, let to?):
            guard let start = CalendarDate(iso8601: from) else { throw ValidationError("--from: '\(from)' is not a date such as 2025-04-01") }
            guard let end = CalendarDate(iso8601: to) else { throw ValidationError("--to: '\(to)' is not a date such as 2025-09-30") }
            do { return try ReportPeriod(start: start, end: end) } catch { throw ValidationError("--to: \(error)") }
        default:
            throw ValidationError("give either --month, or both --from and --to")
        }
    }

    func run() async throws {
        let period = try period()
        let output = try await options.withProjections(catchUp: true) { _, host in
            let models = await host.models
            let report = try models.funderReport(contract: contract, period: period)
            if let explain {
                return try models.explain(report, cell: explain).map { String(decoding: try EventLine($0).encoded(), as: UTF8.self) + "\n" }
                    .joined().data(using: .utf8)!
            }
            return try render(report, models: models)
        }
        if let out {
            try output.write(to: URL(fileURLWithPath: out))
            if !options.quiet { Terminal.writeError("wrote \(out)\n") }
        } else {
            FileHandle.standardOutput.write(output)
        }
    }

    /// The report in the chosen format; the exports' client-service rows are worked out from
    /// the facts only for them.
    private func render(_ report: FunderReport, models: ReadModels) throws -> Data {
        switch format {
        case .table:
            let lines = report.cells.keys.sorted().map { $0.padding(toLength: 40, withPad: " ", startingAt: 0) + report.value($0).grouped }
            return Data((["\(report.contractId) \(report.period.start) to \(report.period.end)"] + lines).joined(separator: "\n").utf8 + [0x0A])
        case .csv: return Data(FunderReportCSV.csv(try models.funderReportDetail(contract: report.contractId, period: report.period)).utf8)
        case .json:
            let encoder = EventCoding.encoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            return try encoder.encode(report) + Data([0x0A])
        case .xlsx: return try FunderReportXLSX.xlsx(try models.funderReportDetail(contract: report.contractId, period: report.period))
        }
    }
}
