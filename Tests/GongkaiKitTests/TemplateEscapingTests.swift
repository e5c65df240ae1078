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

/// Templates that start with `{{% CONTENT_TYPE: HTML }}` escape with Gongkai's byte-level escaping: the same text as
/// swift-mustache's own, which renders templates without the line.
@Suite struct TemplateEscapingTests {
    static let values = ["", "黄石市国动办", "a & b", "<script>alert('x')</script>", "\"引号\" 和 '单引号'", "60 余次",
                         "&amp; already", "emoji 🇨🇳 and é", "line\nbreak", "<<>>&&\"\"''"]

    @Test func escapesExactlyAsTheLibraryDoes() throws {
        _ = TemplateEscaping.registered
        let fast = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}\n<p title=\"{{value}}\">{{value}}</p>{{{value}}}")
        let library = try MustacheTemplate(string: "<p title=\"{{value}}\">{{value}}</p>{{{value}}}")
        for value in Self.values {
            #expect(fast.render(["value": value]) == library.render(["value": value]))
        }
        #expect(fast.render(["value": "<'&\">"]) == "<p title=\"&lt;&#39;&amp;&quot;&gt;\">&lt;&#39;&amp;&quot;&gt;</p><'&\">")
    }

    /// The one difference, on the safe side: the library compares whole characters, so a quote followed by a
    /// combining mark slipped through unescaped and could end an attribute.
    @Test func aQuoteWithACombiningMarkIsStillEscaped() throws {
        _ = TemplateEscaping.registered
        let fast = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}{{value}}")
        #expect(fast.render(["value": "\"\u{301}"]) == "&quot;\u{301}")
    }

    /// swift-mustache renders a partial or a parent with its default escaping again, so each template file needs
    /// the line; with it, blocks, sections and partials all escape with ours.
    @Test func itHoldsInParentsBlocksSectionsAndPartials() throws {
        _ = TemplateEscaping.registered
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}\n[{{value}}]{{$content}}{{/content}}{{>part}}"), named: "base")
        library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}\n({{value}})"), named: "part")
        library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}\n{{<base}}{{$content}}{{#rows}}<{{value}}>{{/rows}}{{/content}}{{/base}}"),
                         named: "page")
        let quote = "\"\u{301}"
        let html = library.render(["value": quote, "rows": [["value": quote]]], withTemplate: "page")
        #expect(html == "[&quot;\u{301}]<&quot;\u{301}>(&quot;\u{301})")
    }

    @Test func everyShippedTemplateUsesIt() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.templates.path).filter { $0.hasSuffix(".mustache") }
        #expect(names.count >= TemplateSet.pageTemplates.count + 3)
        for name in names {
            let text = try String(contentsOf: Repository.templates.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("{{% CONTENT_TYPE: HTML }}\n"), "\(name)")
        }
    }
}
