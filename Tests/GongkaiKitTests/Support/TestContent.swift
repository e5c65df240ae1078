import Foundation
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// Paths of the repository, found from this file so tests run from any working directory.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let content = root.appendingPathComponent("Content")
    static let templates = root.appendingPathComponent("Templates")
    static let fixtures = root.appendingPathComponent("Tests/GongkaiKitTests/Fixtures")
}

/// A small content tree written to a temporary folder: a minimal portal and schema, plus the reports a test gives.
struct TestContent {
    let directory: URL

    static let portal = """
        name: 测试门户
        base_url: https://example.gov.cn/reports/
        sponsor: 测试主办单位
        site_code: "1234567890"
        icp_record: 京ICP备00000001号
        police_record: 京公网安备 11000002000001号
        """

    static let schema = """
        front_matter:
          type: object
          required: [org, year, title, published]
          additionalProperties: false
          properties:
            org: {type: string}
            year: {type: integer}
            title: {type: string}
            status: {enum: [published, draft]}
            published: {type: string, format: date}
            documents:
              type: object
              additionalProperties:
                type: object
                required: [title]
                additionalProperties: false
                properties: {title: {type: string}, issued: {type: string, format: date}, effective: {type: string, format: date}, number: {type: string}, kind: {type: string}, issuer: {type: string}}
        structure:
          parts:
            - {item: 下一年度主要安排, ids: [plans], plans: true, severity: off}
        metrics:
          lectures: {label: 法治讲座, unit: 次, kind: count, headline: true}
          rate: {label: 履行率, unit: "%", kind: percent}
          copies: {label: 宣传资料, unit: 份, kind: count}
        """

    /// - Parameter files: paths relative to the content folder and their text; `orgs/x/org.yaml` is added for each org.
    init(files: [String: String], portal: String = TestContent.portal, schema: String = TestContent.schema) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-test-\(UUID().uuidString)")
        var all = files
        all["portal.yaml"] = portal
        all["schema.yaml"] = schema
        for path in files.keys where path.hasPrefix("orgs/") {
            let org = path.split(separator: "/")[1]
            if all["orgs/\(org)/org.yaml"] == nil { all["orgs/\(org)/org.yaml"] = "name: 测试局\(org)\nshort_name: 测试局\n" }
        }
        for (path, text) in all {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    var options: Builder.Options {
        Builder.Options(contentDirectory: directory, templatesDirectory: Repository.templates,
                        contentDisplayName: "Content", templatesDisplayName: "Templates")
    }

    /// Builds into memory.
    func build() throws -> (Builder.Outcome, MemoryOutput) {
        let output = MemoryOutput()
        let outcome = try Builder(options: options).build(to: output)
        return (outcome, output)
    }

    /// A report with the given body and extra front-matter lines.
    static func report(org: String = "t", year: Int = 2023, frontMatter: String = "", body: String) -> String {
        "---\norg: \(org)\nyear: \(year)\ntitle: 测试报告\npublished: \(year + 1)-03-01\n\(frontMatter)---\n\(body)"
    }
}

extension Builder.Outcome {
    /// `id@line:column` of each diagnostic, for compact assertions.
    var located: [String] { diagnostics.map { "\($0.id)@\($0.location.line):\($0.location.column)" } }
}
