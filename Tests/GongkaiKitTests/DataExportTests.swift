import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput

/// Open data: each report's `data.csv` and `data.json`, and `/data/figures.csv`, read back with real readers.
@Suite struct DataExportTests {
    static let report = TestContent.report(frontMatter: "documents:\n  rules: {title: 管理办法, number: 测发〔2023〕1号, issued: 2023-07-12}\n", body: """
        ## 工作 {#work}

        ### 宣传 {#publicity}

        讲座[三次](metric:lectures)，资料[12,500 余份](metric:copies)，履行率[98.5%](metric:rate)，依照[《办法》](doc:rules)，"引号"。

        ## 明年 {#plans}

        ### 加强宣传 {#plan-a}

        内容。
        """)

    /// Python's csv module, as a user's script would read the file (utf-8-sig drops the byte-order mark).
    static func readCSV(_ data: Data) throws -> [[String]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-\(UUID().uuidString).csv")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: output) as? [[String]])
    }

    @Test func theReportsFiguresReadBackFromItsCSV() throws {
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": Self.report]).build()
        #expect(outcome.succeeded, "\(outcome.located)")
        let data = try #require(output.files["t/2023/data.csv"])
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a byte-order mark")
        #expect(String(decoding: data, as: UTF8.self).contains("\r\n"))
        let rows = try Self.readCSV(data)
        #expect(rows.first == ["metric", "label", "unit", "kind", "value", "qualifier", "text", "section", "url"])
        #expect(rows.dropFirst().map { [$0[0], $0[4], $0[5], $0[6], $0[7]] } == [
            ["lectures", "3", "", "三次", "一、（一）宣传"],
            ["copies", "12500", "more-than", "12,500 余份", "一、（一）宣传"],
            ["rate", "98.5", "", "98.5%", "一、（一）宣传"],
        ])
        #expect(rows[1][8] == "https://example.gov.cn/reports/t/2023/#fig-lectures")
        // The anchor is there on the page.
        #expect(try #require(output.text("t/2023/index.html")).contains(#"id="fig-lectures""#))
        let all = try Self.readCSV(try #require(output.files["data/figures.csv"]))
        #expect(all.first?.prefix(2) == ["org", "year"] && all.count == 4)
    }

    @Test func theJSONHoldsFiguresDocumentsAndCommitmentsExactly() throws {
        let (_, output) = try TestContent(files: ["orgs/t/2023.md": Self.report]).build()
        let data = try #require(output.files["t/2023/data.json"])
        let text = String(decoding: data, as: UTF8.self)
        // Exact decimals, never a float's rendering.
        #expect(text.contains(#""value":98.5,"#) && text.contains(#""value":12500,"#), "\(text)")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["documents"] as? [[String: Any]])?.first?["issued"] as? String == "2023-07-12")
        #expect((json["commitments"] as? [[String: Any]])?.first?["state"] as? String == "pending")
        // The sitemap lists pages, not data files.
        #expect(!(try #require(output.text("sitemap.xml"))).contains("data."))
    }
}
