import Foundation
import GongkaiModel

/// What each open-data file holds, column by column: the header rows are written from these lists and
/// `/data/catalog.json`, the data dictionary, describes them, so the two cannot drift apart. Keys are English (scripts
/// read them); each has its Chinese label, its type and its meaning.
package enum DataCatalog {
    struct Column {
        let name: String
        let label: String
        /// `string`, `integer`, `decimal` (exact digits), `date` (ISO 8601: a day, or 2023-07 or 2023 where the source
        /// gives no more), `url`, `enum` with its values in `meaning`, or (in JSON) `array`.
        let type: String
        let meaning: String
    }

    static let report: [Column] = [
        Column(name: "org", label: "部门", type: "string", meaning: "the department's key, its folder under orgs/ and its URL"),
        Column(name: "year", label: "年度", type: "integer", meaning: "the year the report is on"),
    ]

    static let figure: [Column] = [
        Column(name: "metric", label: "指标键", type: "string", meaning: "the metric's key in the catalogue (schema.yaml)"),
        Column(name: "label", label: "指标名称", type: "string", meaning: "the metric's name"),
        Column(name: "unit", label: "单位", type: "string", meaning: "the unit as written (次, 件, %)"),
        Column(name: "kind", label: "类型", type: "enum", meaning: "count, percent or amount"),
        Column(name: "value", label: "数值", type: "decimal", meaning: "the exact decimal digits of the figure: 3.5万余 is 35000"),
        Column(name: "qualifier", label: "限定", type: "enum",
               meaning: "more-than (余, 多, 超过), about (约), nearly (近), less-than (不足); empty when the figure is exact"),
        Column(name: "text", label: "原文", type: "string", meaning: "the figure as the report writes it"),
        Column(name: "section", label: "所在章节", type: "string", meaning: "the heading it stands under, numbered as in the report"),
        Column(name: "url", label: "原文位置", type: "url", meaning: "the figure's place on the report page"),
    ]

    /// The members of a report's `data.json`.
    static let reportJSON: [Column] = report + [
        Column(name: "title", label: "报告标题", type: "string", meaning: "the report's title"),
        Column(name: "published", label: "公开日期", type: "date", meaning: "the day the report was published"),
        Column(name: "url", label: "报告页面", type: "url", meaning: "the report's page"),
        Column(name: "figures", label: "指标数值", type: "array", meaning: "its figures, each with the members named as data.csv's columns"),
        Column(name: "documents", label: "提及文件", type: "array", meaning: "the documents it declares: key, title, number, issued, effective, kind, issuer"),
        Column(name: "commitments", label: "工作安排", type: "array", meaning: "its plan items, with the members named as commitments.csv's columns (delivered_by a list)"),
    ]

    static let commitment: [Column] = [
        Column(name: "id", label: "编号", type: "string", meaning: "the plan item's anchor id, which later reports cite with plan:"),
        Column(name: "number", label: "序号", type: "string", meaning: "its number in the report, as （一）"),
        Column(name: "title", label: "承诺事项", type: "string", meaning: "the plan item's heading"),
        Column(name: "text", label: "承诺内容", type: "string", meaning: "the text under the heading, a line per paragraph"),
        Column(name: "state", label: "落实情况", type: "enum",
               meaning: "delivered (已落实: a later report of the department links it), no-follow-up (未见后续报告: the next year's report is published and no later report links it), pending (待报告: the next year's report is not published)"),
        Column(name: "delivered_by", label: "落实举措", type: "url", meaning: "the measures that deliver it, their places in later reports, separated by spaces"),
        Column(name: "url", label: "原文位置", type: "url", meaning: "the plan item's place on the report page"),
    ]

    static let document: [Column] = [
        Column(name: "key", label: "文件键", type: "string", meaning: "the key reports link it by (doc:KEY)"),
        Column(name: "title", label: "文件名称", type: "string", meaning: "its title"),
        Column(name: "number", label: "文号", type: "string", meaning: "文号 or 令号, where given"),
        Column(name: "issued", label: "印发日期", type: "date", meaning: "the date it was issued (公布、印发), where given"),
        Column(name: "effective", label: "施行日期", type: "date", meaning: "the date it takes effect, where given"),
        Column(name: "kind", label: "文件类型", type: "string", meaning: "规范性文件, 清单, 工作方案 …, where given"),
        Column(name: "issuer", label: "发布机关", type: "string", meaning: "who issued it, where given"),
        Column(name: "reports", label: "提及报告数", type: "integer", meaning: "how many reports name it"),
        Column(name: "url", label: "登记位置", type: "url", meaning: "its entry in the documents register"),
    ]

    /// One file of the catalogue: its path from the site root (`{org}/{year}/` for a report's files), format and columns.
    struct File {
        let path: String
        let format: String
        let title: String
        let columns: [Column]
    }

    static let reportFolder = "{org}/{year}/"

    static let files: [File] = [
        File(path: SiteLayout.figuresCSV, format: "text/csv", title: "每份报告的指标数值", columns: report + figure),
        File(path: SiteLayout.commitmentsCSV, format: "text/csv", title: "每份报告的工作安排（承诺）及落实情况", columns: report + commitment),
        File(path: SiteLayout.documentsCSV, format: "text/csv", title: "报告提及的文件", columns: document),
        File(path: reportFolder + SiteLayout.dataCSVFile, format: "text/csv",
             title: "一份报告的指标数值", columns: figure),
        File(path: reportFolder + SiteLayout.dataJSONFile, format: "application/json",
             title: "一份报告的指标、文件与承诺", columns: reportJSON),
        File(path: SiteLayout.schemaJSON, format: "application/schema+json", title: "报告前置信息的结构（JSON Schema 2020-12）", columns: []),
    ]

    /// `/data/catalog.json`: the files, their columns, the portal's licence line and the metric catalogue.
    package static func json(_ site: Site) -> Data {
        var json = JSONWriter()
        json.open()
        json.text("title", site.portal.name + " 开放数据")
        json.text("publisher", site.portal.sponsor)
        json.text("licence", site.portal.dataLicence)
        json.text("encoding", "CSV: RFC 4180, UTF-8 with a byte-order mark, CRLF; JSON: UTF-8")
        json.open("files", array: true)
        for file in files {
            json.open()
            json.text("path", file.path)
            json.text("url", site.portal.baseURL + file.path)
            json.text("format", file.format)
            json.text("title", file.title)
            json.open("columns", array: true)
            for column in file.columns {
                json.open()
                json.text("name", column.name)
                json.text("label", column.label)
                json.text("type", column.type)
                json.text("meaning", column.meaning)
                json.close()
            }
            json.close(array: true)
            json.close()
        }
        json.close(array: true)
        json.open("metrics", array: true)
        for metric in site.schema.metrics.values.sorted(by: { $0.key < $1.key }) {
            json.open()
            json.text("key", metric.key)
            json.text("label", metric.label)
            json.open("units", array: true)
            for unit in metric.units { json.text(nil, unit) }
            json.close(array: true)
            json.text("kind", metric.kind.rawValue)
            json.close()
        }
        json.close(array: true)
        json.close()
        return Data(json.bytes + [0x0A])
    }
}
