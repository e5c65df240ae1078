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
        var csv = CSVWriter()
        csv.row(figureColumns)
        for figure in report.figures { csv.row(figureRow(figure, report: report, schema: schema, baseURL: baseURL)) }
        return Data(csv.bytes)
    }

    package static func figuresCSV(_ site: Site) -> Data {
        var csv = CSVWriter()
        csv.row(["org", "year"] + figureColumns)
        for report in site.reports {
            for figure in report.figures {
                csv.row([report.org, String(report.year)] + figureRow(figure, report: report, schema: site.schema, baseURL: site.portal.baseURL))
            }
        }
        return Data(csv.bytes)
    }

    /// RFC 4180 into bytes, after the byte-order mark: a field is quoted only when it holds a comma, a quote or a line
    /// break, found on its bytes (Foundation's searches took a quarter of a build of 500 reports' data).
    struct CSVWriter {
        private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

        mutating func row(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                append(field)
            }
            bytes += [0x0D, 0x0A]
        }

        private mutating func append(_ field: String) {
            let utf8 = field.utf8
            guard utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
                bytes += utf8
                return
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// JSON written directly, keys in a fixed order: Foundation's encoder took a seventh of a build for 500 reports.
    struct JSONWriter {
        private(set) var bytes: [UInt8] = []
        private var first = [true]

        /// A member's key (inside an object) or the separator (inside an array), before its value.
        private mutating func next(_ key: String?) {
            if !first[first.count - 1] { bytes.append(UInt8(ascii: ",")) }
            first[first.count - 1] = false
            if let key {
                string(key)
                bytes.append(UInt8(ascii: ":"))
            }
        }

        mutating func open(_ key: String? = nil, array: Bool = false) {
            if first.count > 1 || key != nil { next(key) }
            bytes.append(UInt8(ascii: array ? "[" : "{"))
            first.append(true)
        }

        mutating func close(array: Bool = false) {
            first.removeLast()
            bytes.append(UInt8(ascii: array ? "]" : "}"))
        }

        mutating func text(_ key: String?, _ value: String?) {
            next(key)
            if let value { string(value) } else { bytes += "null".utf8 }
        }

        /// A number from its exact decimal digits.
        mutating func number(_ key: String, _ digits: String) {
            next(key)
            bytes += digits.utf8
        }

        mutating func integer(_ key: String, _ value: Int) { number(key, String(value)) }

        private mutating func string(_ value: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case ..<0x20: bytes += Array("\\u00".utf8) + Array(String(byte, radix: 16).leftPadded.utf8)
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
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
            json.text("url", baseURL + report.sitePath + "#" + figure.anchor)
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
            json.text("state", item.state.rawValue)
            json.open("deliveredBy", array: true)
            for delivery in item.deliveries { json.text(nil, baseURL + delivery.report.sitePath + "#" + delivery.reference.anchor) }
            json.close(array: true)
            json.close()
        }
        json.close(array: true)
        json.close()
        return Data(json.bytes + [0x0A])
    }
}

private extension String {
    /// Two hex digits.
    var leftPadded: String { count == 1 ? "0" + self : self }
}
