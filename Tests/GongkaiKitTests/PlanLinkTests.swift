import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit

/// What a `plan:` that leads nowhere suggests: only a report it could cite.
@Suite struct PlanLinkTests {
    static func report(year: Int, cites: String) -> String {
        TestContent.report(year: year, body: "## 工作\n\n兑现[承诺](plan:\(cites))。\n\n## 明年 {#plans}\n### 安排 {#plan-a}\n")
    }

    @Test func theHintNeverSuggestsThisReportOrALaterOne() throws {
        let files = ["orgs/t/2023.md": Self.report(year: 2023, cites: "2022#plan-a"),
                     "orgs/t/2024.md": Self.report(year: 2024, cites: "2023#plan-a")]
        let (outcome, _) = try TestContent(files: files).build()
        let unresolved = try #require(outcome.diagnostics.first { $0.id == "plan.unresolved" })
        #expect(unresolved.location.file == "Content/orgs/t/2023.md")
        #expect(unresolved.hint == nil, "suggested \(String(describing: unresolved.hint?.en))")
    }

    @Test func theHintSuggestsAnEarlierReport() throws {
        let files = ["orgs/t/2021.md": TestContent.report(year: 2021, body: "## 明年 {#plans}\n### 安排 {#plan-a}\n"),
                     "orgs/t/2023.md": Self.report(year: 2023, cites: "t/2020#plan-a")]
        let (outcome, _) = try TestContent(files: files).build()
        let unresolved = try #require(outcome.diagnostics.first { $0.id == "plan.unresolved" })
        #expect(unresolved.hint?.en == "did you mean `t/2021`?")
    }
}
