import Casework
import Events
import EventStore
import Foundation
import Hummingbird
import NIOCore
import Projections

/// The funder report by contract and month (or fiscal year), the events behind each figure,
/// and the CSV and spreadsheet downloads.
struct ReportAPI {
    let services: AppServices

    static let answers = [200: "The report", 400: "A bad query parameter", 401: "Not signed in", 403: "Role missing", 404: "Unknown contract or figure", 503: "The read models are catching up"]

    var endpoints: [Endpoint] {
        [
            Endpoint(
                RouteKey(.get, "/api/contracts"), .init(.api, "Every funder contract, as signed and amended.", responses: [200: "Contracts", 401: "Not signed in", 403: "Role missing"]),
                handler: { _, _ in try JSONResponse.make(.ok, try ContractList(store: services.store).all()) }),
            Endpoint(
                RouteKey(.get, "/api/reports/funder"),
                .init(.api, "A contract's report for a month (month=YYYY-MM) or fiscal year (fiscalYear=YYYY, April to March); the events behind each figure are at /api/reports/funder/explain.", responses: Self.answers),
                handler: { request, context in
                    let (report, models) = try await report(request, context)
                    return try services.readCache.json("funder|\(report.contractId)|\(report.period.start)|\(report.period.end)", position: models.position) { report }
                }),
            Endpoint(
                RouteKey(.get, "/api/reports/funder/explain"),
                .init(.api, "The events behind one figure (cell=name) of a contract's report.", responses: Self.answers),
                handler: explain),
            Endpoint(
                RouteKey(.get, "/api/reports/funder/csv"), .init(.api, "The report as CSV.", responses: Self.answers),
                handler: { request, context in
                    let detail = try await detail(request, context)
                    return Self.download(Data(FunderReportCSV.csv(detail).utf8), type: "text/csv; charset=utf-8", name: Self.fileName(detail.report, "csv"))
                }),
            Endpoint(
                RouteKey(.get, "/api/reports/funder/xlsx"), .init(.api, "The report as an .xlsx spreadsheet.", responses: Self.answers),
                handler: { request, context in
                    let detail = try await detail(request, context)
                    return Self.download(
                        try FunderReportXLSX.xlsx(detail), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        name: Self.fileName(detail.report, "xlsx"))
                }),
        ]
    }

    /// The report the query names, with the models it came from.
    func report(_ request: Request, _ context: AppRequestContext) async throws -> (report: FunderReport, models: ReadModels) {
        let query = QueryReader(request)
        let contract = try query.required("contract", example: "ircc-sap-2025")
        let period = try query.reportPeriod()
        let models = try await services.models(for: context)
        let report = try services.readCache.value("funder|\(contract)|\(period.start)|\(period.end)", position: models.position) {
            try models.funderReport(contract: contract, period: period)
        }
        return (report, models)
    }

    /// The report the query names worked out service by service (the exports' rows).
    func detail(_ request: Request, _ context: AppRequestContext) async throws -> FunderReportDetail {
        let query = QueryReader(request)
        let contract = try query.required("contract", example: "ircc-sap-2025")
        let period = try query.reportPeriod()
        return try await services.models(for: context).funderReportDetail(contract: contract, period: period)
    }

    @Sendable func explain(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let cell = try QueryReader(request).required("cell", example: "clients.unique")
        let (report, models) = try await report(request, context)
        let events = try models.explain(report, cell: cell)
        return try JSONResponse.make(.ok, Explanation(cell: cell, value: report.value(cell), events: try events.map(FileEntry.init)))
    }

    /// The events behind a figure.
    struct Explanation: Encodable {
        let cell: String
        let value: Int
        let events: [FileEntry]
    }

    static func fileName(_ report: FunderReport, _ suffix: String) -> String {
        "\(report.contractId)-\(report.period.start)-\(report.period.end).\(suffix)".filter { $0.isLetter || $0.isNumber || "-._".contains($0) }
    }

    static func download(_ data: Data, type: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A funder contract as its stream tells it.
struct ContractSummary: Encodable {
    let contractId: String
    let funder: String
    let program: String
    let agreementNumber: String
    let startsOn: CalendarDate
    let endsOn: CalendarDate
}

/// Contracts read from the `contract` streams (a handful per agency: no read model needed).
struct ContractList {
    let store: EventStore

    func all() throws -> [ContractSummary] {
        var contracts: [String: ContractSummary] = [:]
        for record in try store.events(inCategory: StreamID.contractCategory) {
            switch try record.decoded() {
            case let signed as FunderContractSigned:
                contracts[signed.contractId.rawValue] = ContractSummary(
                    contractId: signed.contractId.rawValue, funder: signed.funder, program: signed.program,
                    agreementNumber: signed.agreementNumber, startsOn: signed.startsOn, endsOn: signed.endsOn)
            case let amended as FunderContractAmended:
                if let old = contracts[amended.contractId.rawValue] {
                    contracts[old.contractId] = ContractSummary(
                        contractId: old.contractId, funder: old.funder, program: old.program, agreementNumber: old.agreementNumber,
                        startsOn: old.startsOn, endsOn: amended.endsOn)
                }
            default: continue
            }
        }
        return contracts.values.sorted { $0.contractId < $1.contractId }
    }
}
