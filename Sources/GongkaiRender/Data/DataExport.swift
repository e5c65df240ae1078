import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Open data: each report's figures, documents and commitments as `data.json` and its figures as `data.csv`, and
/// the portal's figures, commitments and documents in `/data/`. CSV is RFC 4180 (fields quoted where needed, CRLF) in
/// UTF-8 with a byte-order mark, which Excel on Chinese Windows needs to read UTF-8; headers are English keys, which
/// the data dictionary (`DataCatalog`) maps to Chinese labels. Values are the figures' exact decimal digits, never a
/// formatted float.
package enum DataExport {
    static let figureColumns = DataCatalog.figure.map(\.name)

    /// A figure's fields, as `figureColumns` names them.
    static func writeFigure(_ figure: Figure, report: Report, schema: Schema, baseURL: String, into csv: inout CSVWriter) {
        let metric = schema.metrics[figure.metric]
        csv.field(figure.metric)
        csv.field(metric?.label ?? "")
        csv.field(figure.unit)
        csv.field(metric?.kind.rawValue ?? "")
        csv.field(figure.valueText)
        csv.field(figure.qualifier?.rawValue ?? "")
        csv.field(figure.text)
        csv.field(figure.section)
        csv.field(url(report, figure.anchor, baseURL: baseURL))
    }

    package static func reportCSV(_ report: Report, schema: Schema, baseURL: String) -> Data {
        var csv = CSVWriter()
        csv.row(figureColumns)
        for figure in report.figures {
            writeFigure(figure, report: report, schema: schema, baseURL: baseURL, into: &csv)
            csv.endRow()
        }
        return Data(csv.bytes)
    }

    package static func figuresCSV(_ site: Site) -> Data {
        var csv = CSVWriter()
        csv.row(["org", "year"] + figureColumns)
        for report in site.reports {
            let year = String(report.year)
            for figure in report.figures {
                csv.field(report.org)
                csv.field(year)
                writeFigure(figure, report: report, schema: site.schema, baseURL: site.portal.baseURL, into: &csv)
                csv.endRow()
            }
        }
        return Data(csv.bytes)
    }

    /// Every commitment of every report, with what became of it.
    package static func commitmentsCSV(_ commitments: Commitments, baseURL: String) -> Data {
        var csv = CSVWriter()
        csv.row((DataCatalog.report + DataCatalog.commitment).map(\.name))
        for (report, items) in commitments.byReport {
            for item in items {
                csv.row([report.org, String(report.year), item.item.id, item.item.number, item.item.title, item.item.text,
                         item.state.rawValue, deliveries(item, baseURL: baseURL).joined(separator: " "),
                         url(report, item.item.id, baseURL: baseURL)])
            }
        }
        return Data(csv.bytes)
    }

    /// Every document of the register, newest first, as the register lists them.
    package static func documentsCSV(_ site: Site) -> Data {
        var csv = CSVWriter()
        csv.row(DataCatalog.document.map(\.name))
        for (document, citedBy) in site.links.documentRegister {
            csv.row([document.key, document.title, document.number ?? "", document.issued?.description ?? "",
                      document.effective?.description ?? "", document.kind ?? "", document.issuer ?? "", String(citedBy.count),
                      site.portal.baseURL + SiteLayout.path(of: .document(key: document.key))])
        }
        return Data(csv.bytes)
    }

    /// The absolute address of a place on a report's page.
    private static func url(_ report: Report, _ anchor: String, baseURL: String) -> String { baseURL + report.sitePath + "#" + anchor }

    private static func deliveries(_ item: Commitments.Item, baseURL: String) -> [String] {
        item.deliveries.map { url($0.report, $0.reference.anchor, baseURL: baseURL) }
    }

    package static func reportJSON(_ report: Report, schema: Schema, baseURL: String, commitments: [Commitments.Item]) -> Data {
        var json = JSONWriter()
        json.open()
        json.text("org", report.org)
        json.integer("year", report.year)
        json.text("title", report.title)
        json.text("published", report.published.description)
        json.text("url", baseURL + report.sitePath)
        json.open("figures", array: true)
        for figure in report.figures {
            let metric = schema.metrics[figure.metric]
            json.open()
            json.text("metric", figure.metric)
            json.text("label", metric?.label ?? "")
            json.text("unit", figure.unit)
            json.text("kind", metric?.kind.rawValue ?? "")
            json.number("value", figure.valueText)
            json.text("qualifier", figure.qualifier?.rawValue)
            json.text("text", figure.text)
            json.text("section", figure.section)
            json.text("url", url(report, figure.anchor, baseURL: baseURL))
            json.close()
        }
        json.close(array: true)
        json.open("documents", array: true)
        for document in report.documents {
            json.open()
            json.text("key", document.key)
            json.text("title", document.title)
            json.text("number", document.number)
            json.text("issued", document.issued?.description)
            json.text("effective", document.effective?.description)
            json.text("kind", document.kind)
            json.text("issuer", document.issuer)
            json.close()
        }
        json.close(array: true)
        json.open("commitments", array: true)
        for item in commitments {
            json.open()
            json.text("id", item.item.id)
            json.text("number", item.item.number)
            json.text("title", item.item.title)
            json.text("text", item.item.text)
            json.text("state", item.state.rawValue)
            json.open("delivered_by", array: true)
            for url in deliveries(item, baseURL: baseURL) { json.text(nil, url) }
            json.close(array: true)
            json.text("url", url(report, item.item.id, baseURL: baseURL))
            json.close()
        }
        json.close(array: true)
        json.close()
        return Data(json.bytes + [0x0A])
    }
}
