import Events
import Foundation

/// The funder report as CSV (RFC 4180): a summary section of figures, a blank line, then one
/// row per client-service as the iCARE monthly templates lay them out.
public enum FunderReportCSV {
    /// The header of the client-service section.
    public static let serviceColumns = [
        "Client ID", "Anonymous", "Shared With Funder", "Service ID", "Service Date", "Component", "Minutes", "Mode", "Age Band", "Minor",
        "Gender", "Immigration Category", "Official Language", "Francophone", "New In Fiscal Year", "Event Position",
    ]

    /// The whole report as CSV text.
    public static func csv(_ detail: FunderReportDetail) -> String {
        let report = detail.report
        var lines = [
            row(["Contract", report.contractId]),
            row(["Period", "\(report.period.start)", "\(report.period.end)"]),
            row(["Fiscal Year", "\(report.fiscalYear.start)", "\(report.fiscalYear.end)"]),
            row(["Figure", "Value"]),
        ]
        lines += summaryRows(report).map(row)
        lines.append("")
        lines.append(row(serviceColumns))
        lines += detail.rows.map { row(serviceCells($0)) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Figures sorted by name, as (name, value) text pairs.
    static func summaryRows(_ report: FunderReport) -> [[String]] {
        report.cells.keys.sorted().map { [$0, String(report.cells[$0]!.value)] }
    }

    /// One client-service row's cells; anonymous clients show no demographics, and a client
    /// who did not consent to share with the funder shows no id (the row still counts).
    static func serviceCells(_ row: ClientServiceRow) -> [String] {
        [
            row.sharedWithFunder ? row.clientId : "", row.anonymous ? "yes" : "no", row.sharedWithFunder ? "yes" : "no",
            row.serviceId, "\(row.deliveredOn)",
            row.component.rawValue, String(row.minutes), row.mode.rawValue, row.ageBand.rawValue,
            row.minor.map { $0 ? "yes" : "no" } ?? "", row.gender?.rawValue ?? "", row.immigrationCategory?.rawValue ?? "",
            row.preferredOfficialLanguage?.rawValue ?? "", row.francophone ? "yes" : "no", row.newInFiscalYear ? "yes" : "no",
            String(row.position),
        ]
    }

    static func row(_ fields: [String]) -> String { fields.map(escape).joined(separator: ",") }

    /// Quotes a field holding a comma, quote or line break, doubling inner quotes.
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
