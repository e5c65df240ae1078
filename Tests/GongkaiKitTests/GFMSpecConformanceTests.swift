import CCmarkGFM
import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// Gongkai renders Markdown with its own walk over cmark-gfm's tree. For ordinary Markdown that walk must give the
/// HTML the GFM spec gives, with raw HTML allowed (the portal's `raw_html: true`; by default it is dropped).
/// Where Gongkai's settings make the spec's expected output differ on purpose, the example is listed in
/// `deviations` and checked against cmark-gfm's own HTML renderer with the same settings instead.
@Suite struct GFMSpecConformanceTests {
    /// Spec example numbers and why cmark-gfm with Gongkai's settings differs from the spec text.
    static let specDeviations: [Int: String] = [
        140: "the tag filter is always on: <script> in raw HTML is escaped",
        141: "the tag filter is always on: <style>",
        142: "the tag filter is always on: <style>",
        145: "the tag filter is always on: <style>",
        147: "the tag filter is always on: <script>",
        279: "the spec text writes task-list inputs in GitHub's normalised form",
        280: "the spec text writes task-list inputs in GitHub's normalised form",
        610: "the autolink extension links the bare URL",
        614: "the autolink extension links the bare e-mail address",
        616: "the autolink extension links the bare URL",
        619: "the autolink extension links the bare URL",
        620: "the autolink extension links the bare e-mail address",
    ]
    static let extensionDeviations: [Int: String] = [
        20: "the spec only asks that this input not crash",
        23: "footnotes are not enabled",
    ]

    struct Example: CustomTestStringConvertible, Sendable {
        let number: Int
        let section: String
        let markdown: String
        let html: String
        var testDescription: String { "example \(number) (\(section))" }
    }

    static func examples(_ file: String) -> [Example] {
        let url = Repository.fixtures.appendingPathComponent("spec/\(file)")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if line.hasPrefix("#") { section = line.drop { $0 == "#" || $0 == " " }.description }
            guard line.hasPrefix(fence + " example") else { continue }
            var markdown: [Substring] = [], html: [Substring] = [], inHTML = false
            while let inner = lines.popFirst(), inner != fence {
                if inner == "." && !inHTML { inHTML = true; continue }
                if inHTML { html.append(inner) } else { markdown.append(inner) }
            }
            let tab = { (lines: [Substring]) in lines.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") }
            examples.append(Example(number: examples.count + 1, section: section,
                                    markdown: tab(markdown) + "\n", html: tab(html).isEmpty ? "" : tab(html) + "\n"))
        }
        return examples
    }

    static func render(_ markdown: String) -> String {
        var renderer = HTMLRenderer(allowsRawHTML: true)
        renderer.keepsComments = true
        return renderer.render(MarkdownParser.parse(markdown))
    }

    @Test func specFilesAreThere() {
        #expect(Self.examples("gfm-spec.txt").count == 673)
        #expect(Self.examples("gfm-extensions.txt").count == 28)
    }

    /// cmark-gfm's own renderer with the same extensions and raw HTML allowed: the reference for the deviations.
    static func cmarkReference(_ markdown: String) -> String {
        // Through the parser's own finish: every finish in the process takes its lock.
        let parser = MarkdownParser.newParser(options: CMARK_OPT_UNSAFE)
        defer { cmark_parser_free(parser) }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        let document = MarkdownParser.finish(parser)
        defer { cmark_node_free(document) }
        let html = cmark_render_html(document, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser))!
        defer { free(html) }
        return String(cString: html)
    }

    @Test(arguments: examples("gfm-spec.txt"))
    func specExample(_ example: Example) {
        let expected = Self.specDeviations[example.number] == nil ? example.html : Self.cmarkReference(example.markdown)
        #expect(Self.render(example.markdown) == expected, "\(example.markdown)")
    }

    @Test(arguments: examples("gfm-extensions.txt"))
    func extensionExample(_ example: Example) {
        let expected = Self.extensionDeviations[example.number] == nil ? example.html : Self.cmarkReference(example.markdown)
        #expect(Self.render(example.markdown) == expected, "\(example.markdown)")
    }

    @Test func deviationsAreRealDeviations() {
        // If a listed example starts matching the spec text, it no longer needs to be listed.
        let examples = Self.examples("gfm-spec.txt")
        for number in Self.specDeviations.keys.sorted() {
            let example = examples[number - 1]
            #expect(Self.render(example.markdown) != example.html, "example \(number) matches the spec now")
        }
    }
}
