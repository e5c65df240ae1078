import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiSyntax

/// The parts a report must cover, matched as governments title them.
@Suite struct StructureCheckTests {
    static let schema = TestContent.schema.replacingOccurrences(of: """
        structure:
          parts:
            - {item: 下一年度主要安排, ids: [plans], plans: true, severity: off}
        """, with: """
        structure:
          parts:
            - item: 上一年度推进法治政府建设的主要举措和成效
              ids: [measures]
              titles: [主要举措和成效, "{year}年推进法治政府建设的主要举措和成效", "{year}年法治政府建设基本情况"]
            - item: 党政主要负责人履行推进法治建设第一责任人职责情况
              ids: [first-responsibility]
              titles: [党政主要负责人履行推进法治建设第一责任人职责情况]
              phrases: [第一责任人职责]
            - item: 存在的不足和原因
              ids: [problems]
              titles: [存在的不足和原因]
            - {item: 下一年度主要安排, ids: [plans], plans: true, severity: off}
        """)

    static func diagnostics(body: String) throws -> [Diagnostic] {
        #expect(schema != TestContent.schema)
        let report = TestContent.report(body: body)
        return try TestContent(files: ["orgs/t/2023.md": report], schema: schema).build().0.diagnostics
    }

    /// Every missing part in one run, each at the report's first heading (line 10: the body opens with a paragraph).
    @Test func everyMissingPartIsReportedAtTheFirstHeading() throws {
        let found = try Self.diagnostics(body: "\n2023年工作报告如下。\n\n## 一些工作\n\n正文。\n")
        #expect(found.map(\.id) == ["structure.missing-part", "structure.missing-part", "structure.missing-part"])
        #expect(Set(found.map { "\($0.location.line):\($0.location.column)" }) == ["10:1"])
        #expect(found.map(\.message.zh).sorted() == [
            "报告缺少「上一年度推进法治政府建设的主要举措和成效」部分", "报告缺少「党政主要负责人履行推进法治建设第一责任人职责情况」部分",
            "报告缺少「存在的不足和原因」部分",
        ])
        let hint = try #require(found.first { $0.message.zh.contains("存在的不足") }?.hint?.en)
        #expect(hint.contains("end that heading with `{#problems}`") && hint.contains("`titles:` in schema.yaml"))
    }

    /// A year-prefixed title, item 3 as a county government words it (matched on its phrase), and a part met by ids.
    @Test func partsAreMatchedAsGovernmentsTitleThem() throws {
        let found = try Self.diagnostics(body: """
            ## 2023年法治政府建设基本情况

            ## 县政府主要负责同志履行推进法治建设第一责任人职责情况

            ## 问题 {#problems}

            """)
        #expect(found.isEmpty, "\(found)")
        let again = try Self.diagnostics(body: "## 2023年推进法治政府建设的主要举措和成效\n\n## 第一责任人职责\n\n## 不足 {#problems}\n")
        #expect(again.isEmpty, "\(again)")
    }

    /// A year-prefixed title of another year does not count: the titles are the report's own year's.
    @Test func aTitleOfAnotherYearDoesNotCover() throws {
        let found = try Self.diagnostics(body: "## 2022年法治政府建设基本情况\n\n## 第一责任人职责\n\n## 不足 {#problems}\n")
        #expect(found.map(\.message.zh) == ["报告缺少「上一年度推进法治政府建设的主要举措和成效」部分"])
    }
}

extension StructureCheckTests {
    @Test func titlePlaceholdersStandForTheReportsYears() {
        #expect(Schema.Part.substituting("{year}年工作，{next_year}年思路", year: 2023) == "2023年工作，2024年思路")
        #expect(Schema.Part.substituting("{其他}{year", year: 2023) == "{其他}{year")
        #expect(Schema.Part.substituting("无占位", year: 2023) == "无占位")
    }
}
