import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Open data: each report's figures, documents and commitments as `data.json` and its figures as `data.csv`, and
/// every report's figures in `/data/figures.csv`. CSV is RFC 4180 (fields quoted where needed, CRLF) in UTF-8 with a
/// byte-order mark, which Excel on Chinese Windows needs to read UTF-8; headers are English keys (the README maps
/// them to Chinese labels). Values are the figures' exact decimal digits, never a formatted float.
package enum DataExport {
    /// The columns of a figure row, after `org` and `year` in the portal-wide file.
    static let figureColumns = ["metric", "label", "unit", "kind", "value", "qualifier", "text", "section", "url"]

    static func figureRow(_ figure: Figure, report: Report, schema: Schema, baseURL: String) -> [String] {
        let metric = schema.metrics[figure.metric]
        return [figure.metric, metric?.label ?? "", figure.unit, metric?.kind.rawValue ?? "", figure.valueText,
                figure.qualifier?.rawValue ?? "", figure.text, figure.section, baseURL + report.sitePath + "#" + figure.anchor]
    }

    package static func reportCSV(_ report: Report, schema: Schema, baseURL: String) -> Data {
        csv([figureColumns] + report.figures.map { figureRow($0, report: report, schema: schema, baseURL: baseURL) })
    }

    package static func figuresCSV(_ site: Site) -> Data {
        csv([["org", "year"] + figureColumns] + site.reports.flatMap { report in
            report.figures.map { [report.org, String(report.year)] + figureRow($0, report: report, schema: site.schema, baseURL: site.portal.baseURL) }
        })
    }

    /// RFC 4180, with the byte-order mark.
    static func csv(_ rows: [[String]]) -> Data {
        var text = "\u{FEFF}"
        for row in rows {
            text += row.map(field).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    struct ReportData: Encodable {
        let org: String
        let year: Int
        let title: String
        let published: String
        let url: String
        let figures: [FigureData]
        let documents: [DocumentData]
        let commitments: [CommitmentData]
    }

    struct FigureData: Encodable {
        let metric: String, label: String, unit: String, kind: String
        /// Exact: encoded from the figure's decimal digits.
        let value: Decimal
        let qualifier: String?, text: String, section: String, url: String
    }

    struct DocumentData: Encodable {
        let key: String, title: String, number: String?, issued: String?, effective: String?, kind: String?, issuer: String?
    }

    struct CommitmentData: Encodable {
        let id: String, number: String, title: String, state: String, deliveredBy: [String]
    }

    package static func reportJSON(_ report: Report, schema: Schema, baseURL: String, commitments: [Commitments.Item]) throws -> Data {
        let data = ReportData(
            org: report.org, year: report.year, title: report.title, published: report.published.description,
            url: baseURL + report.sitePath,
            figures: report.figures.map { figure in
                let metric = schema.metrics[figure.metric]
                return FigureData(metric: figure.metric, label: metric?.label ?? "", unit: figure.unit, kind: metric?.kind.rawValue ?? "",
                                  value: Decimal(string: figure.valueText, locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(figure.value),
                                  qualifier: figure.qualifier?.rawValue, text: figure.text, section: figure.section,
                                  url: baseURL + report.sitePath + "#" + figure.anchor)
            },
            documents: report.documents.map {
                DocumentData(key: $0.key, title: $0.title, number: $0.number, issued: $0.issued?.description, effective: $0.effective?.description,
                             kind: $0.kind, issuer: $0.issuer)
            },
            commitments: commitments.map { item in
                CommitmentData(id: item.item.id, number: item.item.number, title: item.item.title, state: item.state.rawValue,
                               deliveredBy: item.deliveries.map { baseURL + $0.report.sitePath + "#" + $0.reference.anchor })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(data) + Data("\n".utf8)
    }
}
