import Foundation
import Mustache
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// A page that cannot be rendered is an error at its template, never an empty page.
@Suite struct RenderFailureTests {
    @Test func aTemplateThatIsNotLoadedFailsThePageInsteadOfRenderingItEmpty() throws {
        let content = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: "## 一\n")])
        let site = try #require(ContentLoader(contentDirectory: content.directory).load().site)
        // Only the home page's template is loaded.
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "<p>{{title}}</p>"), named: "home")
        let templates = TemplateSet(library: library, renderer: TemplateRenderer(templates: ["home": try CompiledTemplate("<p>{{title}}</p>")]),
                                    assets: [])
        let output = MemoryOutput()
        let failure = #expect(throws: RenderFailure.self) { try SiteRenderer(site: site, templates: templates).render(to: output) }
        let diagnostic = try #require(failure?.diagnostic(templatesDisplayName: "Templates"))
        #expect(diagnostic.id == "template.not-loaded")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file.hasPrefix("Templates/") && diagnostic.location.file.hasSuffix(".mustache"))
        #expect(output.files.values.allSatisfy { !$0.isEmpty })
    }
}
