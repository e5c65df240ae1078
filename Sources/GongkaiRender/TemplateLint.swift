import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Checks the templates without rendering them: every partial (`{{>name}}`) and parent (`{{<name}}`) a template
/// names exists, and every name it reads is one the view of the pages it renders gives it — section by section,
/// as Mustache looks names up (`{{#reports}}{{title}}{{/reports}}` reads `title` of a report, then of the page).
/// A partial or parent is checked with the view of every page that includes it; a template no page includes, with
/// the view every page has.
package enum TemplateLint {
    /// One Mustache tag of a template file.
    struct Tag {
        let sigil: String
        let name: String
        let location: SourceLocation
    }

    /// A name read among the fields the schema declares (`report.fields.addressee`), checked against schema.yaml by
    /// `unknownFields` once both are loaded: the templates are loaded without the schema.
    package struct FieldRead: Sendable, Hashable {
        package let owner: ViewShape.FieldOwner
        package let name: String
        package let location: SourceLocation
    }

    /// - Parameter pages: each page template's name with the shape of what its pages give it.
    package static func check(_ files: [SourceFile], pages: [(template: String, shape: ViewShape)], common: ViewShape) -> [Diagnostic] {
        lint(files, pages: pages, common: common).diagnostics
    }

    /// The diagnostics, and every name read among declared fields.
    package static func lint(_ files: [SourceFile], pages: [(template: String, shape: ViewShape)], common: ViewShape)
        -> (diagnostics: [Diagnostic], fieldReads: [FieldRead]) {
        var diagnostics: [Diagnostic] = []
        var fieldReads = Set<FieldRead>()
        var tags: [String: [Tag]] = [:]
        for file in files {
            let name = URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
            tags[name] = Self.tags(of: file)
        }
        let templateNames = Set(tags.keys)
        for fileTags in tags.values {
            for tag in fileTags where (tag.sigil == ">" || tag.sigil == "<") && !templateNames.contains(tag.name) {
                diagnostics.append(.error("template.missing-partial", at: tag.location,
                                          "the \(tag.sigil == ">" ? "partial" : "parent") `\(tag.name)` does not exist"
                                            | "\(tag.sigil == ">" ? "局部模板" : "父模板") `\(tag.name)` 不存在",
                                          hint: "add \(tag.name).mustache to the templates folder" | "在模板文件夹中添加 \(tag.name).mustache",
                                          correction: Suggestion.correction(for: tag.name, in: templateNames)))
            }
        }
        // Unknown names, each with the pages it is unknown to.
        var unknown: [SourceLocation: (name: String, pages: [String], visible: Set<String>)] = [:]
        var reached = Set<String>()
        let roots = pages.filter { tags[$0.template] != nil } + tags.keys.sorted().map { ($0, common) }
        for (index, page) in roots.enumerated() {
            // Templates no page includes are checked last, with the common view only.
            if index >= pages.count, reached.contains(page.template) { continue }
            var checker = Checker(tags: tags, page: page.template)
            checker.check(page.template, stack: [page.shape.fields])
            reached.formUnion(checker.visited)
            fieldReads.formUnion(checker.fieldReads)
            for found in checker.unknown {
                var entry = unknown[found.location] ?? (found.name, [], [])
                entry.pages.append(page.template)
                entry.visible.formUnion(found.visible)
                unknown[found.location] = entry
            }
        }
        for (location, entry) in unknown.sorted(by: { $0.key < $1.key }) {
            let pageList = entry.pages.joined(separator: ", ")
            diagnostics.append(.warning("template.unknown-name", at: location,
                                        "no view gives `\(entry.name)` here (page \(pageList)); it will always render empty"
                                          | "此处页面数据中没有 `\(entry.name)`（页面 \(pageList)），它总是显示为空",
                                        correction: Suggestion.correction(for: entry.name, in: entry.visible)))
        }
        return (diagnostics, fieldReads.sorted { ($0.location, $0.name) < ($1.location, $1.name) })
    }

    /// A warning at each field a template reads that the schema does not declare: it would always render empty.
    /// `declared` gives each owner's field names; nil where the schema allows fields it does not list.
    package static func unknownFields(_ reads: [FieldRead], declared: [ViewShape.FieldOwner: Set<String>?]) -> [Diagnostic] {
        reads.compactMap { read in
            guard let names = declared[read.owner] ?? nil, !names.contains(read.name) else { return nil }
            let place: Message = read.owner == .report ? "the front matter (`front_matter:`)" | "前置信息（`front_matter:`）"
                : "a document declaration (`documents:`)" | "文件声明（`documents:`）"
            return .warning("template.unknown-field", at: read.location,
                            "schema.yaml declares no field `\(read.name)` of \(place.en); it will always render empty"
                              | "schema.yaml 的\(place.zh)中没有声明字段 `\(read.name)`，它总是显示为空",
                            hint: "declare it under `properties:` in schema.yaml, or correct the name"
                              | "请在 schema.yaml 的 `properties:` 下声明它，或改正名称",
                            correction: Suggestion.correction(for: read.name, in: names))
        }
    }

    private static func tags(of file: SourceFile) -> [Tag] {
        // Made per file (Regex is not Sendable, so it cannot be a shared constant): templates load once a build.
        let pattern = /\{\{(\{?)\s*([#^\/>&<$!%]?)\s*([^}]*?)\s*\}?\}\}/
        var tags: [Tag] = []
        for lineNumber in 1...max(file.lineCount, 1) {
            let line = file.line(lineNumber)
            for match in line.matches(of: pattern) {
                let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                tags.append(Tag(sigil: String(match.output.2), name: String(match.output.3),
                                location: file.location(line: lineNumber, column: column)))
            }
        }
        return tags
    }

    /// Walks one page's templates, following its parent and partials, with the stack of what each open section
    /// gives to look names up in.
    private struct Checker {
        let tags: [String: [Tag]]
        let page: String
        private(set) var visited = Set<String>()
        private(set) var unknown: [(name: String, location: SourceLocation, visible: Set<String>)] = []
        private(set) var fieldReads: [FieldRead] = []

        init(tags: [String: [Tag]], page: String) {
            self.tags = tags
            self.page = page
        }

        mutating func check(_ template: String, stack outer: [[String: ViewShape]]) {
            guard let fileTags = tags[template], visited.insert(template).inserted else { return }
            // Each open section: whether it gave its own names to look up.
            var stack = outer
            var opened: [Bool] = []
            for tag in fileTags {
                switch tag.sigil {
                case "!", "%":
                    continue
                case "$":
                    // A block: its names are the page's, looked up as around it.
                    opened.append(false)
                case "/":
                    if let pushed = opened.popLast(), pushed { stack.removeLast() }
                case ">", "<":
                    check(tag.name, stack: stack)
                    if tag.sigil == "<" { opened.append(false) }
                case "#", "^":
                    let shape = resolve(tag, in: stack)
                    if tag.sigil == "#", let shape, case .list(let fields) = shape {
                        stack.append(fields)
                        opened.append(true)
                    } else if tag.sigil == "#", let shape, case .object(let fields) = shape {
                        stack.append(fields)
                        opened.append(true)
                    } else {
                        opened.append(false)
                    }
                default:
                    _ = resolve(tag, in: stack)
                }
            }
        }

        /// The shape a name stands for: its first part looked up from the innermost section out, then the rest inside
        /// it. A name nothing gives is recorded, once per place.
        private mutating func resolve(_ tag: Tag, in stack: [[String: ViewShape]]) -> ViewShape? {
            guard tag.name != "." else { return nil }
            let parts = tag.name.split(separator: ".").map(String.init)
            guard let first = parts.first else { return nil }
            guard var shape = stack.reversed().lazy.compactMap({ $0[first] }).first else {
                unknown.append((first, tag.location, Set(stack.flatMap(\.keys))))
                return nil
            }
            for part in parts.dropFirst() {
                if case .fields(let owner) = shape {
                    fieldReads.append(FieldRead(owner: owner, name: part, location: tag.location))
                    return .value
                }
                guard let inner = shape.fields[part] else {
                    unknown.append((part, tag.location, Set(shape.fields.keys)))
                    return nil
                }
                shape = inner
            }
            return shape
        }
    }
}
