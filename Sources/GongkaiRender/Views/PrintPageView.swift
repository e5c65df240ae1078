import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The print page: the body numbered and laid out as the paper (GB/T 9704), and the signature block.
package struct PrintPageView: PageViewType {
    package let report: Report
    package let org: Org

    package static let shape = ViewShape.object([
        "report": ReportSummary.shape, "body": .value, "signatureDate": .value, "subject": .value, "addressee": .value,
        "titleLines": .list(["text": .value]),
    ])

    package func values(root: String) -> [String: Any] {
        present([
            "report": ReportSummary.values(report, org: org, root: root),
            "body": report.body.html(for: .print, root: root),
            // 成文日期: the date the report was signed; the publication date stands in where the front matter has none.
            "signatureDate": (report.written ?? report.published).chinese,
            "subject": "\(org.name)\(report.year)年度法治政府建设情况报告",
            "addressee": Self.addressee(report.frontMatter["addressee"]?.text),
            "titleLines": TitleLines.lines(title: report.title, given: {
                if case .list(let lines) = report.frontMatter["title_lines"] { return lines }
                return nil
            }()).map { ["text": $0] },
        ])
    }

    /// 主送机关 as GB/T 9704 prints it, ending with one full-width colon however the front matter ends it; several
    /// (`addressee: [市委依法治市办, 市司法局]`) are separated by 、.
    static func addressee(_ given: String?) -> String? {
        guard var text = given?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        while let last = text.last, last == ":" || last == "：" { text.removeLast() }
        return text.isEmpty ? nil : text + "："
    }
}
