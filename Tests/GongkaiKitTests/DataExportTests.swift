import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput

/// Open data: each report's `data.csv` and `data.json`, and the portal's files in `/data/`, read back with real readers.
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
        let output = try python("import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))", data)
        return try #require(try JSONSerialization.jsonObject(with: output) as? [[String]])
    }

    /// Runs a Python script on `data`, written to a file whose path is its first argument; returns what it prints.
    static func python(_ script: String, _ data: Data) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-\(UUID().uuidString)")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return output
    }

    /// Two years of one department: the second delivers one of the first's two commitments; the second's own are pending.
    static let twoYears: [String: String] = [
        "orgs/t/2022.md": TestContent.report(year: 2022, frontMatter: "documents:\n  rules: {title: 管理办法, number: 测发〔2022〕1号, issued: 2022-07-12}\n", body: """
            ## 工作 {#work}

            依照[《办法》](doc:rules)。

            ## 明年 {#plans}

            ### 加强宣传 {#plan-a}

            开展讲座，
            印发资料。

            再写一段，有"引号",和逗号。

            ### 完善制度 {#plan-b}

            修订办法。
            """),
        "orgs/t/2023.md": TestContent.report(year: 2023, body: """
            ## 工作 {#work}

            ### 宣传 {#publicity}

            [讲座三次](plan:2022#plan-a)。

            ## 明年 {#plans}

            ### 继续宣传 {#plan-c}

            内容。
            """),
    ]

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

    @Test func commitmentsCSVHoldsEveryPlanItemWithItsTextStateAndDeliveringMeasures() throws {
        let (outcome, output) = try TestContent(files: Self.twoYears).build()
        #expect(outcome.succeeded, "\(outcome.located)")
        let commitments = try #require(output.files["data/commitments.csv"])
        let rows = try Self.readCSV(commitments)
        #expect(rows.first == ["org", "year", "id", "number", "title", "text", "state", "delivered_by", "url"])
        let base = "https://example.gov.cn/reports/t/"
        #expect(Array(rows.dropFirst()) == [
            ["t", "2022", "plan-a", "（一）", "加强宣传", "开展讲座，印发资料。\n再写一段，有\"引号\",和逗号。", "delivered", base + "2023/#delivers-1", base + "2022/#plan-a"],
            ["t", "2022", "plan-b", "（二）", "完善制度", "修订办法。", "no-follow-up", "", base + "2022/#plan-b"],
            ["t", "2023", "plan-c", "（一）", "继续宣传", "内容。", "pending", "", base + "2023/#plan-c"],
        ])
        // The delivering measure's anchor is on the later report's page; the commitments page shows the text.
        #expect(try #require(output.text("t/2023/index.html")).contains(#"id="delivers-1""#))
        #expect(try #require(output.text("commitments/index.html")).contains("修订办法。"))
        let data = try #require(output.files["t/2022/data.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let first = try #require((json["commitments"] as? [[String: Any]])?.first)
        #expect(first["delivered_by"] as? [String] == [base + "2023/#delivers-1"] && first["text"] as? String == rows[1][5])
    }

    @Test func documentsCSVListsTheRegister() throws {
        let (_, output) = try TestContent(files: Self.twoYears).build()
        let documents = try #require(output.files["data/documents.csv"])
        let rows = try Self.readCSV(documents)
        #expect(rows == [
            ["key", "title", "number", "issued", "effective", "kind", "issuer", "reports", "url"],
            ["rules", "管理办法", "测发〔2022〕1号", "2022-07-12", "", "", "", "1", "https://example.gov.cn/reports/documents/#doc-rules"],
        ])
        #expect(try #require(output.text("documents/index.html")).contains(#"href="../data/documents.csv""#))
    }

    /// The data dictionary names every column of every CSV the build writes, in order, with a Chinese label each.
    @Test func theCatalogDescribesEveryFileAsWritten() throws {
        let portal = TestContent.portal + "\ndata_licence: 可自由使用，注明来源\n"
        let (_, output) = try TestContent(files: Self.twoYears, portal: portal).build()
        let catalogData = try #require(output.files["data/catalog.json"])
        let catalog = try #require(try JSONSerialization.jsonObject(with: catalogData) as? [String: Any])
        #expect(catalog["licence"] as? String == "可自由使用，注明来源")
        let files = try #require(catalog["files"] as? [[String: Any]])
        var described = 0
        for file in files {
            let path = try #require(file["path"] as? String).replacingOccurrences(of: "{org}/{year}", with: "t/2022")
            let data = try #require(output.files[path], "\(path) is not written")
            let columns = try #require(file["columns"] as? [[String: String]])
            #expect(columns.allSatisfy { !($0["label"] ?? "").isEmpty && !($0["meaning"] ?? "").isEmpty })
            if path.hasSuffix(".csv") {
                #expect(try Self.readCSV(data).first == columns.map { $0["name"]! }, "\(path)")
                described += 1
            } else if path.hasSuffix("data.json") {
                let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                #expect(Set(json.keys) == Set(columns.map { $0["name"]! }))
            }
        }
        #expect(described == 4)
        #expect((catalog["metrics"] as? [[String: Any]])?.map { $0["key"] as? String } == ["copies", "lectures", "rate"])
    }

    /// `/data/schema.json` is a valid JSON Schema that accepts the front matter schema.yaml accepts and rejects what
    /// it rejects, checked by the `jsonschema` package a user's tool would use.
    @Test func schemaJSONIsTheFrontMatterSchema() throws {
        let (_, output) = try TestContent(files: Self.twoYears).build()
        let data = try #require(output.files["data/schema.json"])
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            v = jsonschema.Draft202012Validator(schema)
            good = {"org": "t", "year": 2023, "title": "测试报告", "published": "2024-03-01"}
            print(json.dumps([v.is_valid(good), v.is_valid(dict(good, year="2023")), v.is_valid(dict(good, colour="red")),
                              v.is_valid({"org": "t"}), schema["$id"]]))
            """
        let printed = try Self.python(script, data)
        let result = try #require(try JSONSerialization.jsonObject(with: printed) as? [Any])
        #expect(result.count == 5, "jsonschema could not read the schema")
        #expect(result.prefix(4).map { $0 as? Bool } == [true, false, false, false])
        #expect(result.last as? String == "https://example.gov.cn/reports/data/schema.json")
    }
}
