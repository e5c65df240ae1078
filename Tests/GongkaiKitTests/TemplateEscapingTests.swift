import Foundation
import Mustache
import Testing
@testable import GongkaiBase
@testable import GongkaiRender

/// `{{name}}` is escaped for HTML in every template, on bytes: the same text as swift-mustache's own escaping.
@Suite struct TemplateEscapingTests {
    static let values = ["", "黄石市国动办", "a & b", "<script>alert('x')</script>", "\"引号\" 和 '单引号'", "60 余次",
                         "&amp; already", "emoji 🇨🇳 and é", "line\nbreak", "<<>>&&\"\"''"]

    static func render(_ templates: [String: String], _ view: [String: Any], _ name: String) throws -> String {
        let renderer = TemplateRenderer(templates: try templates.mapValues { try CompiledTemplate($0) })
        return String(decoding: try #require(renderer.render(view, template: name)), as: UTF8.self)
    }

    @Test func escapesExactlyAsTheLibraryDoes() throws {
        let text = "<p title=\"{{value}}\">{{value}}</p>{{{value}}}"
        let library = try MustacheTemplate(string: text)
        for value in Self.values {
            #expect(try Self.render(["t": text], ["value": value], "t") == library.render(["value": value]))
        }
        #expect(try Self.render(["t": text], ["value": "<'&\">"], "t") == "<p title=\"&lt;&#39;&amp;&quot;&gt;\">&lt;&#39;&amp;&quot;&gt;</p><'&\">")
    }

    /// The one difference, on the safe side: the library compares whole characters, so a quote followed by a
    /// combining mark slipped through unescaped and could end an attribute.
    @Test func aQuoteWithACombiningMarkIsStillEscaped() throws {
        #expect(try Self.render(["t": "{{value}}"], ["value": "\"\u{301}"], "t") == "&quot;\u{301}")
    }

    /// No line in any template selects it: blocks, sections, partials and parents all escape alike.
    @Test func itHoldsInParentsBlocksSectionsAndPartials() throws {
        let templates = [
            "base": "[{{value}}]{{$content}}{{/content}}{{>part}}",
            "part": "({{value}})",
            "page": "{{<base}}{{$content}}{{#rows}}<{{value}}>{{/rows}}{{/content}}{{/base}}",
        ]
        let quote = "\"\u{301}"
        #expect(try Self.render(templates, ["value": quote, "rows": [["value": quote]]], "page") == "[&quot;\u{301}]<&quot;\u{301}>(&quot;\u{301})")
    }
}
