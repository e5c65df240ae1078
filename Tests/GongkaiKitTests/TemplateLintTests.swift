import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

@Suite struct TemplateLintTests {
    static func lint(_ text: String, templates: Set<String> = ["base", "header", "footer"]) -> [String] {
        TemplateLint.check([SourceFile(path: "Templates/page.mustache", text: text)], templateNames: templates)
            .map { "\($0.id)@\($0.location.line):\($0.location.column) \($0.hint?.en ?? "")" }
    }

    @Test func missingPartialsAndParentsAreErrors() {
        #expect(Self.lint("{{<bsae}}\n{{/bsae}}\n  {{> footr }}") == [
            "template.missing-partial@1:1 did you mean `base`?",
            "template.missing-partial@3:3 did you mean `footer`?",
        ])
    }

    @Test func namesNoViewProvidesAreWarnings() {
        #expect(Self.lint("<h1>{{titel}}</h1>{{#report.yaer}}{{/report.yaer}}{{{body}}}{{! a comment }}") == [
            "template.unknown-name@1:5 did you mean `title`?",
            "template.unknown-name@1:19 did you mean `year`?",
        ])
    }

    @Test func theSampleTemplatesAreClean() {
        var diagnostics: [Diagnostic] = []
        #expect(TemplateSet.load(from: Repository.templates, displayName: "Templates", into: &diagnostics) != nil)
        #expect(diagnostics.isEmpty)
    }

    /// The vocabulary `check` uses must be exactly the names the views give, or it warns wrongly or misses mistakes.
    @Test func theVocabularyIsWhatTheViewsHold() throws {
        let site = try #require(ContentLoader(contentDirectory: Repository.content).load().site)
        var templatesDiagnostics: [Diagnostic] = []
        let templates = try #require(TemplateSet.load(from: Repository.templates, displayName: "T", into: &templatesDiagnostics))
        var names = Set<String>()
        func collect(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                for (key, inner) in dictionary { names.insert(key); collect(inner) }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        for page in SiteRenderer(site: site, templates: templates).pages() { page.view.map { collect($0()) } }
        // Names only a report with a 索引号 or a published PDF would carry are not in the sample; they are listed by hand.
        let absentFromSample: Set<String> = ["indexNumber", "documentNumber", "written", "code", "pdfHref"]
        #expect(names.union(absentFromSample) == TemplateVocabulary.names)
    }
}
