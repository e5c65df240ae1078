import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax
import Mustache

/// The Mustache templates of `Templates/` and the assets beside them.
public struct TemplateSet: Sendable {
    /// Every page template the page kinds name; each must exist.
    package static var pageTemplates: [String] { PageKind.allCases.compactMap(\.template) }

    package let library: MustacheLibrary
    /// Site paths of the assets (`assets/site.css`), the files they are read from, and their bytes' fingerprints.
    package let assets: [Asset]
    /// Of each template's text and the texts of the partials and parents it names, directly or through others: what
    /// a page rendered through it reads.
    package let fingerprints: [String: UInt64]
    /// The names the templates read among the schema's fields, checked against schema.yaml once both are loaded.
    package let fieldReads: [TemplateLint.FieldRead]

    package struct Asset {
        package let sitePath: String
        package let file: URL
        package let fingerprint: UInt64
    }

    /// The templates compiled for rendering (swift-mustache's `library` parses them for diagnostics and is what
    /// the tests hold the compiled renderer to).
    package let renderer: TemplateRenderer

    package init(library: MustacheLibrary, renderer: TemplateRenderer, assets: [Asset], texts: [String: String] = [:],
                 fieldReads: [TemplateLint.FieldRead] = []) {
        self.library = library
        self.fieldReads = fieldReads
        self.renderer = renderer
        self.assets = assets
        fingerprints = Self.fingerprints(texts: texts, partials: renderer.templates.mapValues(\.partials))
    }

    /// The fingerprint of a page template: 0 for one that is not loaded.
    package func fingerprint(ofTemplate name: String) -> UInt64 { fingerprints[name] ?? 0 }

    /// Each template's fingerprint over the templates it reaches; a partial that is missing counts by its name, so
    /// adding it changes the pages that name it.
    private static func fingerprints(texts: [String: String], partials: [String: Set<String>]) -> [String: UInt64] {
        texts.keys.reduce(into: [:]) { result, name in
            var reached: Set<String> = [name], pending = [name]
            while let next = pending.popLast() {
                for partial in partials[next] ?? [] where reached.insert(partial).inserted { pending.append(partial) }
            }
            result[name] = Fingerprint.of(reached.sorted().flatMap { [$0, texts[$0] ?? "\u{0}missing"] })
        }
    }

    /// Loads `*.mustache` (named by file name without extension) and `assets/**`; problems become diagnostics.
    public static func load(from directory: URL, displayName: String, into diagnostics: inout [Diagnostic]) -> TemplateSet? {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: directory.path) else {
            diagnostics.append(.error("template.missing-folder", at: SourceLocation(file: displayName, line: 1, column: 1),
                                      "the templates folder cannot be read" | "无法读取模板文件夹"))
            return nil
        }
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        var ok = true
        var files: [SourceFile] = []
        var texts: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let display = "\(displayName)/\(name)"
            guard let file = SourceReader.read(directory.appendingPathComponent(name), displayPath: display, into: &diagnostics) else {
                ok = false
                continue
            }
            files.append(file)
            let templateName = String(name.dropLast(".mustache".count))
            texts[templateName] = file.text
            do {
                library.register(try MustacheTemplate(string: file.text), named: templateName)
                do {
                    compiled[templateName] = try CompiledTemplate(file.text)
                } catch {
                    ok = false
                    diagnostics.append(.error("template.unsupported", at: file.location(line: error.line, column: error.column), error.message))
                }
            } catch let error as MustacheTemplate.ParserError {
                ok = false
                diagnostics.append(.error("template.syntax", at: file.location(line: error.context.lineNumber, column: error.context.columnNumber),
                                          "template syntax error: \(error.error)" | "模板语法错误：\(error.error)"))
            } catch {
                ok = false
                diagnostics.append(.error("template.syntax", at: file.start, "template syntax error: \(error)" | "模板语法错误：\(error)"))
            }
        }
        for page in pageTemplates where !names.contains("\(page).mustache") {
            ok = false
            diagnostics.append(.error("template.missing", at: SourceLocation(file: "\(displayName)/\(page).mustache", line: 1, column: 1),
                                      "the page template `\(page).mustache` is missing" | "缺少页面模板 `\(page).mustache`"))
        }
        let pages = PageKind.allCases.compactMap { kind in kind.template.flatMap { template in kind.shape.map { (template, $0) } } }
        let lint = TemplateLint.lint(files, pages: pages, common: PageView.shape)
        diagnostics += lint.diagnostics
        if lint.diagnostics.hasErrors { ok = false }
        let assetsFolder = directory.appendingPathComponent("assets")
        var assets: [Asset] = []
        if let enumerator = fileManager.enumerator(at: assetsFolder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = url.standardizedFileURL.path.dropFirst(assetsFolder.standardizedFileURL.path.count + 1)
                // Read here for the fingerprint, and again when written: an asset is small, and one that is gone by
                // then fails the render instead of publishing a stale copy.
                guard let data = fileManager.contents(atPath: url.path) else {
                    ok = false
                    diagnostics.append(.error("source.unreadable", at: SourceLocation(file: "\(displayName)/assets/\(relative)", line: 1, column: 1),
                                              "cannot read this file" | "无法读取此文件"))
                    continue
                }
                assets.append(Asset(sitePath: "assets/\(relative)", file: url, fingerprint: Fingerprint.of(data)))
            }
        }
        assets.sort { $0.sitePath < $1.sitePath }
        return ok ? TemplateSet(library: library, renderer: TemplateRenderer(templates: compiled), assets: assets, texts: texts,
                                 fieldReads: lint.fieldReads) : nil
    }

    /// The page's text; a template that is not loaded is an error, never an empty page.
    package func render(_ view: [String: Any], page: String, file: String) throws -> [UInt8] {
        guard let bytes = renderer.render(view, template: page) else { throw RenderFailure(file: file, template: page) }
        return bytes
    }
}

/// A page that could not be rendered. The build reports it as a diagnostic at the template and publishes nothing.
package struct RenderFailure: Error, Sendable {
    /// The page's site path: `hs-gdb/2023/index.html`.
    package let file: String
    package let template: String

    package func diagnostic(templatesDisplayName: String) -> Diagnostic {
        .error("template.not-loaded", at: SourceLocation(file: "\(templatesDisplayName)/\(template).mustache", line: 1, column: 1),
               "the page \(file) cannot be rendered: the template `\(template)` is not loaded"
                 | "无法生成页面 \(file)：模板 `\(template)` 未载入")
    }
}
