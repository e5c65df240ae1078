import Foundation
import Mustache
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiRender

/// The compiled renderer renders what swift-mustache renders: on every page of the sample, on the Mustache spec's
/// templates (the subset Gongkai supports), and on random templates and views.
@Suite struct CompiledTemplateTests {
    /// Both renderers over the same templates.
    static func pair(_ templates: [String: String]) throws -> (MustacheLibrary, TemplateRenderer) {
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for (name, text) in templates {
            library.register(try MustacheTemplate(string: text), named: name)
            compiled[name] = try CompiledTemplate(text)
        }
        return (library, TemplateRenderer(templates: compiled))
    }

    @Test func everyPageOfTheSampleIsWhatSwiftMustacheRenders() throws {
        var diagnostics: [Diagnostic] = []
        let templates = try #require(TemplateSet.load(from: Repository.templates, displayName: "T", into: &diagnostics))
        let site = try #require(ContentLoader(contentDirectory: Repository.content).load().site)
        for page in SiteRenderer(site: site, templates: templates, reportsWithPDF: .all).pages() {
            guard let view = page.view?(), let template = page.kind.template else { continue }
            let expected = try #require(templates.library.render(view, withTemplate: template))
            let rendered = try #require(templates.renderer.render(view, template: template))
            #expect(String(decoding: rendered, as: UTF8.self) == expected, "\(page.file)")
        }
    }

    struct SpecTest: Sendable, CustomStringConvertible {
        let file: String
        let name: String
        let template: String
        let partials: [String: String]
        let dataJSON: Data
        var description: String { "\(file): \(name)" }
    }

    static var specTests: [SpecTest] {
        let folder = Repository.fixtures.appendingPathComponent("spec/mustache")
        var tests: [SpecTest] = []
        for file in ["comments", "interpolation", "inverted", "partials", "sections", "~inheritance"] {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(file).json").path),
                  let spec = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let entries = spec["tests"] as? [[String: Any]] else { continue }
            for entry in entries {
                guard let template = entry["template"] as? String,
                      let dataJSON = try? JSONSerialization.data(withJSONObject: ["data": entry["data"] ?? NSNull()]) else { continue }
                tests.append(SpecTest(file: file, name: entry["name"] as? String ?? "?", template: template,
                                      partials: entry["partials"] as? [String: String] ?? [:], dataJSON: dataJSON))
            }
        }
        return tests
    }

    /// The spec test below skips a template the subset does not accept: most of them must be accepted.
    @Test func theSpecFilesAreThereAndMostOfTheirTemplatesAreInTheSubset() {
        #expect(Self.specTests.count > 120)
        let accepted = Self.specTests.filter { test in
            (try? CompiledTemplate(test.template)) != nil && test.partials.values.allSatisfy { (try? CompiledTemplate($0)) != nil }
        }
        #expect(accepted.count > 120)
    }

    /// Each spec template the compiled renderer accepts renders as swift-mustache renders it (swift-mustache is the
    /// library the templates were written against, also where it departs from the spec text).
    @Test(arguments: specTests)
    func specTemplateRendersAsSwiftMustacheRendersIt(_ test: SpecTest) throws {
        let wrapper = try JSONSerialization.jsonObject(with: test.dataJSON) as? [String: Any]
        let data = wrapper?["data"] ?? [:]
        var templates = test.partials
        templates["spec"] = test.template
        guard (try? CompiledTemplate(test.template)) != nil,
              test.partials.values.allSatisfy({ (try? CompiledTemplate($0)) != nil }),
              let (library, renderer) = try? Self.pair(templates) else { return }
        let view = (data as? [String: Any]) ?? ["": data]
        guard let expected = library.render(view, withTemplate: "spec") else { return }
        // swift-mustache escapes with its own escaper here; Gongkai's differs only for a quote before a combining mark.
        let rendered = String(decoding: renderer.render(view, template: "spec") ?? [], as: UTF8.self)
        #expect(rendered == expected, "\(test.template)")
    }

    /// Random templates of the supported subset (text, spaces and newlines, variables, sections, inverted sections,
    /// comments, partials, parents and blocks, dotted names, standalone lines) over random views: the two renderers
    /// agree on every one.
    @Test(arguments: [9704, 2012, 1949] as [UInt64])
    func randomTemplatesAndViewsRenderAsSwiftMustacheRendersThem(seed: UInt64) throws {
        var random = MutationTests.SplitMix(state: seed)
        let names = ["a", "b", "list", "flag", "o", "o.x", "list.a", "."]
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
        func piece(depth: Int) -> String {
            switch Int.random(in: 0..<(depth > 2 ? 6 : 10), using: &random) {
            case 0: return pick(["x", " ", "  ", "\n", "\t", "<&\"'>", "中文", "\r\n"])
            case 1: return "{{\(pick(names))}}"
            case 2: return "{{{\(pick(names))}}}"
            case 3: return pick(["\n", "  \n", "\n  "])
            case 4: return "{{! note }}" + pick(["", "\n"])
            case 5: return "{{>part}}" + pick(["", "\n"])
            default:
                let name = pick(["list", "flag", "o", "a", "none"])
                let sigil = pick(["#", "^"])
                let inner = (0..<Int.random(in: 0...3, using: &random)).map { _ in piece(depth: depth + 1) }.joined()
                let open = pick(["", "\n", "  "]) + "{{\(sigil)\(name)}}" + pick(["", "\n"])
                return open + inner + pick(["", "\n", "  "]) + "{{/\(name)}}" + pick(["", "\n"])
            }
        }
        func value(depth: Int) -> Any {
            switch Int.random(in: 0..<(depth > 1 ? 3 : 5), using: &random) {
            case 0: return pick(["", "文本", "a<b & \"c\"", "it's"])
            case 1: return Bool.random(using: &random)
            case 2: return pick(["1", "x"])
            case 3: return (0..<Int.random(in: 0...2, using: &random)).map { _ in ["a": value(depth: depth + 1), "b": "B"] as [String: Any] }
            default: return ["x": value(depth: depth + 1), "a": "A"] as [String: Any]
            }
        }
        var compared = 0
        for number in 0..<1_500 {
            let body = (0..<Int.random(in: 1...6, using: &random)).map { _ in piece(depth: 0) }.joined()
            let usesParent = Bool.random(using: &random)
            let page = usesParent ? "{{<frame}}\n{{$main}}\n" + body + "\n{{/main}}\n{{/frame}}\n" : body
            let templates = [
                "page": page,
                "part": pick(["P{{a}}\n", "  {{#list}}{{b}}\n  {{/list}}\n", "{{o.x}}"]),
                "frame": "<f>\n{{$main}}默认{{/main}}\n  {{$side}}{{a}}{{/side}}\n</f>\n",
            ]
            guard let (library, renderer) = try? Self.pair(templates) else { continue }
            var view: [String: Any] = [:]
            for key in ["a", "b", "list", "flag", "o"] where Bool.random(using: &random) { view[key] = value(depth: 0) }
            if let list = view["list"], !(list is [Any]) { view["list"] = [["a": "1"], ["a": "2"]] }
            guard let expected = library.render(view, withTemplate: "page") else { continue }
            let rendered = String(decoding: renderer.render(view, template: "page") ?? [], as: UTF8.self)
            #expect(rendered == expected, "case \(number): \(templates) with \(view)")
            compared += 1
            if rendered != expected { break }
        }
        #expect(compared > 1_000)
    }
}
