public import Foundation
import ZIPFoundation

/// The funder report as an Office Open XML workbook (.xlsx): a "Summary" sheet of figures and
/// a "Client Services" sheet with one row per client-service, like the iCARE monthly
/// templates. Written as a handful of minimal SpreadsheetML parts with inline strings.
public enum FunderReportXLSX {
    /// The workbook's bytes.
    public static func xlsx(_ detail: FunderReportDetail) throws -> Data {
        let report = detail.report
        let archive = try Archive(accessMode: .create)
        let summary = [["Contract", report.contractId], ["Period start", "\(report.period.start)"], ["Period end", "\(report.period.end)"],
            ["Fiscal year start", "\(report.fiscalYear.start)"], ["Figure", "Value"]] + FunderReportCSV.summaryRows(report)
        let services = [FunderReportCSV.serviceColumns] + detail.rows.map(FunderReportCSV.serviceCells)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/worksheets/sheet1.xml", sheet(summary)),
            ("xl/worksheets/sheet2.xml", sheet(services)),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else {
            throw ProjectionError.invalidArgument(field: "xlsx", problem: "the in-memory archive produced no data")
        }
        return bytes
    }

    /// A worksheet: numbers as numeric cells, everything else as inline strings.
    static func sheet(_ rows: [[String]]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (rowIndex, row) in rows.enumerated() {
            xml += #"<row r="\#(rowIndex + 1)">"#
            for (columnIndex, value) in row.enumerated() {
                let reference = columnName(columnIndex) + String(rowIndex + 1)
                if !value.isEmpty, value.count < 16, value.allSatisfy(\.isASCII), Int(value) != nil {
                    xml += #"<c r="\#(reference)"><v>\#(value)</v></c>"#
                } else {
                    xml += #"<c r="\#(reference)" t="inlineStr"><is><t>\#(escape(value))</t></is></c>"#
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A, B, … Z, AA, AB…
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        </Types>
        """

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static let workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
        <sheet name="Summary" sheetId="1" r:id="rId1"/><sheet name="Client Services" sheetId="2" r:id="rId2"/>\
        </sheets></workbook>
        """

    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>\
        </Relationships>
        """
}
