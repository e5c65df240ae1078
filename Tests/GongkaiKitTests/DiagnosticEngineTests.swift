import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// The diagnostics engine and what it adds to a diagnostic: the catalogue of ids, fix-its located in the source,
/// related places, in every output format.
@Suite struct DiagnosticEngineTests {
    /// Every id the code emits is explained in the catalogue, and the catalogue explains no id that is never emitted.
    @Test func theCatalogueHoldsExactlyTheIdsTheCodeEmits() throws {
        var emitted = Set<String>()
        let sources = Repository.root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let literal = /"([a-z]+\.[a-z][a-z0-9-]*)"/
        for case let url as URL in enumerator where url.pathExtension == "swift" && url.lastPathComponent != "DiagnosticCatalogue.swift" {
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            where line.contains(".error(") || line.contains(".warning(") || line.contains(".info(") || line.contains("fail(") || line.contains("Diagnostic(") {
                for match in line.matches(of: literal) {
                    let id = String(match.output.1)
                    // File names written in messages are not ids.
                    if ["yaml", "md", "pdf", "mustache", "css", "html", "xml", "txt"].contains(where: { id.hasSuffix(".\($0)") }) { continue }
                    emitted.insert(id)
                }
            }
        }
        #expect(emitted.count > 50)
        #expect(emitted.subtracting(DiagnosticCatalogue.ids).sorted() == [], "emitted but not explained")
        #expect(Set(DiagnosticCatalogue.ids).subtracting(emitted).sorted() == [], "explained but never emitted")
        for id in DiagnosticCatalogue.ids {
            let explanation = try #require(DiagnosticCatalogue.explanation(of: id))
            #expect(!explanation.en.isEmpty && !explanation.zh.isEmpty)
        }
    }

    static func built(_ body: String, frontMatter: String = "") throws -> [Diagnostic] {
        let content = try TestContent(files: ["orgs/t/2023.md": TestContent.report(frontMatter: frontMatter, body: body)])
        return try content.build().0.diagnostics
    }

    @Test func aDidYouMeanCarriesAFixItAtTheMistypedWord() throws {
        let diagnostics = try Self.built("## 一\n\n全年讲座 [3 次](metric:lectrues)。\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.id == "metric.unknown-key")
        #expect(diagnostic.location.column == 6)
        // The link starts at column 6; `全年讲座 [3 次](metric:` is 18 characters, so the key starts at column 19.
        #expect(diagnostic.fixIt == FixIt(original: "lectrues", replacement: "lectures",
                                          location: SourceLocation(file: "Content/orgs/t/2023.md", line: 9, column: 19)))
        let unknownField = try #require(try Self.built("## 一\n", frontMatter: "pubished: 2024-01-01\n").first)
        #expect(unknownField.fixIt?.replacement == "published")
        #expect(unknownField.fixIt?.location == unknownField.location)
    }

    @Test func aDuplicateSaysWhereTheFirstOneIs() throws {
        let diagnostics = try Self.built("## 一 {#a}\n\n讲座 [3 次](metric:lectures)。\n\n## 二 {#a}\n\n讲座 [4 次](metric:lectures)。\n")
        let heading = try #require(diagnostics.first { $0.id == "heading.duplicate-id" })
        #expect(heading.related == [RelatedLocation(SourceLocation(file: "Content/orgs/t/2023.md", line: 7, column: 1), "first used here" | "首次使用在此")])
        let figure = try #require(diagnostics.first { $0.id == "metric.conflicting-values" })
        #expect(figure.related.map(\.location.description) == ["Content/orgs/t/2023.md:9:4"])
        let yaml = try #require(try Self.built("## 一\n", frontMatter: "title: 又一个\n").first)
        #expect(yaml.id == "yaml.duplicate-key")
        #expect(yaml.location.line == 6)
        #expect(yaml.related.map(\.location.line) == [4])
    }

    @Test func relatedPlacesAndFixItsAreInEveryFormat() throws {
        let related = RelatedLocation(SourceLocation(file: "r.md", line: 2, column: 1), "first used here" | "首次使用在此")
        var diagnostic = Diagnostic.error("heading.duplicate-id", at: SourceLocation(file: "r.md", line: 5, column: 1), "dup" | "重复",
                                          correction: Suggestion.correction(for: "lectrues", in: ["lectures"]), related: [related])
        diagnostic.fixIt?.location = SourceLocation(file: "r.md", line: 5, column: 7)
        let editor = try DiagnosticFormatter(format: .editor, language: .en, sourceLine: { _ in nil }).format([diagnostic])
        #expect(editor == """
            r.md:5:1: error: dup [heading.duplicate-id]
            r.md:2:1: note: first used here [heading.duplicate-id]
            r.md:5:7: fix-it: replace `lectrues` with `lectures` [heading.duplicate-id]

            """)
        let human = try DiagnosticFormatter(format: .human, language: .zh, sourceLine: { _ in nil }).format([diagnostic])
        #expect(human.contains("  = 修改：把 `lectrues` 改为 `lectures` (5:7)\n"))
        #expect(human.contains("  = 参见：首次使用在此 --> r.md:2:1\n"))
        let json = try DiagnosticFormatter(format: .json, language: .en).format([diagnostic])
        let entry = try #require(((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["diagnostics"] as? [[String: Any]])?.first)
        #expect((entry["related"] as? [[String: Any]])?.first?["line"] as? Int == 2)
        #expect((entry["fixIt"] as? [String: Any])?["replacement"] as? String == "lectures")
        #expect((entry["fixIt"] as? [String: Any])?["column"] as? Int == 7)
    }
}
