import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// Walks a report body once: numbers the headings and gives them anchors, turns `metric:`, `doc:` and `plan:`
/// links into Gongkai's nodes, and collects headings, figures, mentions and plan items for the model.
package struct ReportAnalyzer {
    package let file: SourceFile
    package let bodyFirstLine: Int
    package let schema: Schema
    package let documents: [DeclaredDocument]
    /// Every key under `documents:`, including those whose declaration has mistakes.
    package let declaredDocumentKeys: Set<String>
    package let org: String
    package let year: Int
    package let allowsRawHTML: Bool

    private(set) var diagnostics: [Diagnostic] = []
    private(set) var headings: [HeadingEntry] = []
    private(set) var figures: [Figure] = []
    private(set) var mentions: [DocumentMention] = []
    private(set) var planItems: [PlanItem] = []
    private(set) var planReferences: [PlanReference] = []

    /// Numbers the headings of levels 2–5 take; level 1 is the report title, level 6 is not numbered.
    package static let numberedLevels = 2...5
    private var counters = [Int](repeating: 0, count: 7)
    private var previousLevel = 1
    /// The file line each heading id was first used on.
    private var usedIDs: [String: (line: Int, byteColumn: Int)] = [:]
    private var currentSection = ""
    private var insidePlanPart = false
    private var mentionCounts: [String: Int] = [:]
    /// Where in `figures` the first figure given for each metric is, and its file line.
    private var figureValues: [String: (index: Int, line: Int, byteColumn: Int)] = [:]
    private var rawHTMLReported = false
    /// Each structure part's titles for this report's year, worked out once rather than at every heading.
    private let acceptedPartTitles: [Set<String>]

    package init(file: SourceFile, bodyFirstLine: Int, schema: Schema, documents: [DeclaredDocument], declaredDocumentKeys: Set<String>,
         org: String, year: Int, allowsRawHTML: Bool) {
        self.declaredDocumentKeys = declaredDocumentKeys
        self.file = file
        self.bodyFirstLine = bodyFirstLine
        self.schema = schema
        self.documents = documents
        self.org = org
        self.year = year
        self.allowsRawHTML = allowsRawHTML
        acceptedPartTitles = schema.parts.map { $0.acceptedTitles(year: year) }
    }

    /// Works on the tree in place: with a second reference to it, every array in it would be copied.
    package mutating func analyze(_ body: inout MarkdownNode) {
        transform(&body)
        checkRequiredParts()
        for document in documents where mentionCounts[document.key] == nil {
            diagnostics.append(.warning("doc.unused", at: file.start,
                                        "the document `\(document.key)` (《\(document.title)》) is declared but never linked"
                                          | "文件 `\(document.key)`（《\(document.title)》）已声明但正文中没有链接",
                                        hint: "link it where the report names it: [《\(document.title)》](doc:\(document.key))"
                                          | "在正文提到它的地方加链接：[《\(document.title)》](doc:\(document.key))"))
        }
    }

    private func location(of node: MarkdownNode) -> SourceLocation {
        let line = node.line > 0 ? node.line + bodyFirstLine - 1 : bodyStartLine
        return file.location(line: line, byteColumn: max(node.byteColumn, 1))
    }

    /// Where problems of the whole body are shown: its first line, or the file's last line when the file ends at the
    /// closing `---` (a location must lie inside the file).
    private var bodyStartLine: Int { min(bodyFirstLine, file.lineCount) }

    /// Changes the tree in place: no node's children array is copied.
    private mutating func transform(_ node: inout MarkdownNode) {
        switch node.kind {
        case .heading(let level):
            return heading(&node, level: level)
        case .link(let url, _):
            if url.hasPrefix("metric:") { return figure(&node, key: String(url.dropFirst("metric:".count))) }
            if url.hasPrefix("doc:") { return documentReference(&node, key: String(url.dropFirst("doc:".count))) }
            if url.hasPrefix("plan:") { return planReference(&node, target: String(url.dropFirst("plan:".count))) }
        case .text(let text):
            if text.utf8.containsDoubledEmphasisMarker {
                diagnostics.append(.warning("markdown.unclosed-emphasis", at: location(of: node),
                                            "emphasis markers are shown as literal `**`: CommonMark does not close emphasis after punctuation followed by a letter"
                                              | "加粗标记 `**` 会原样显示：标点后紧跟文字时，CommonMark 不能结束加粗",
                                            hint: "move the punctuation outside, `**重点**。正文`, or rephrase" | "把标点移到标记外，如 `**重点**。正文`，或改写"))
            }
        case .tooDeep:
            diagnostics.append(.error("markdown.too-deep", at: location(of: node),
                                      "the Markdown is nested more than \(MarkdownParser.maximumDepth) levels deep here"
                                        | "此处 Markdown 嵌套超过 \(MarkdownParser.maximumDepth) 层",
                                      hint: "quotes and lists in a report need only a few levels" | "报告中的引用和列表只需要几层"))
        case .htmlBlock, .htmlInline:
            if !allowsRawHTML && !rawHTMLReported {
                rawHTMLReported = true
                diagnostics.append(.warning("markdown.raw-html", at: location(of: node),
                                            "raw HTML in the report is left out of the page" | "报告中的 HTML 代码不会显示在页面上",
                                            hint: "write it in Markdown, or ask the portal team to set `raw_html: true`"
                                              | "改用 Markdown，或请门户管理员设置 `raw_html: true`"))
            }
        default:
            break
        }
        transformChildren(&node)
    }

    private mutating func transformChildren(_ node: inout MarkdownNode) {
        for index in node.children.indices { transform(&node.children[index]) }
    }

    // MARK: Headings

    private mutating func heading(_ node: inout MarkdownNode, level: Int) {
        transformChildren(&node)
        let explicitID = Self.takeExplicitID(from: &node.children)
        // Locations are worked out only for diagnostics: counting the characters before a column is not free.
        let line = node.line + bodyFirstLine - 1
        if level > previousLevel + 1 {
            diagnostics.append(.warning("structure.skipped-level", at: location(of: node),
                                        "this heading jumps from level \(previousLevel) to level \(level)"
                                          | "标题从第 \(previousLevel) 级跳到了第 \(level) 级",
                                        hint: "use \(String(repeating: "#", count: previousLevel + 1)) here"
                                          | "此处应使用 \(String(repeating: "#", count: previousLevel + 1))"))
        }
        previousLevel = level
        counters[level] += 1
        for deeper in (level + 1)..<counters.count { counters[deeper] = 0 }

        let number = Self.numberLabel(level: level, count: counters[level])
        var generatedID = "s\(counters[2])"
        for deeper in 3..<max(3, level + 1) { generatedID += "-\(counters[deeper])" }
        let id = explicitID ?? generatedID
        if let explicitID, !Self.isValidID(explicitID) {
            diagnostics.append(.error("heading.invalid-id", at: location(of: node), "the id `\(explicitID)` may use only letters, digits, `-` and `_`, starting with a letter"
                                        | "id `\(explicitID)` 只能包含英文字母、数字、`-` 和 `_`，并以字母开头"))
        }
        if let first = usedIDs[id] {
            diagnostics.append(.error("heading.duplicate-id", at: location(of: node), "the id `\(id)` is used already on line \(first.line)" | "id `\(id)` 已在第 \(first.line) 行使用",
                                      hint: "give this heading another {#id}" | "为此标题另起一个 {#id}",
                                      related: [RelatedLocation(file.location(line: first.line, byteColumn: max(first.byteColumn, 1)),
                                                                "first used here" | "首次使用在此")]))
        } else {
            usedIDs[id] = (line, node.byteColumn)
        }
        let title = MarkdownNode(kind: .group, children: node.children, line: 0, byteColumn: 0).plainText
        headings.append(HeadingEntry(level: level, number: number, title: title, id: id))
        currentSection = number + title

        if level == 2 {
            let normalized = Schema.Part.normalized(title)
            insidePlanPart = zip(schema.parts, acceptedPartTitles).contains { part, titles in
                part.holdsPlans && (part.ids.contains(id) || titles.contains(normalized))
            }
        } else if level == 3, insidePlanPart {
            if explicitID == nil {
                diagnostics.append(.warning("plan.missing-id", at: location(of: node), "a plan item needs an id so later reports can cite it" | "工作安排需要 id，以便以后的报告引用",
                                            hint: "end the heading with {#plan-…}" | "在标题末尾加上 {#plan-…}"))
            }
            planItems.append(PlanItem(id: id, number: number, title: title))
        }
        node.kind = .numberedHeading(level: level, number: number, id: id)
    }

    /// Removes a trailing `{#id}` from the heading's last text and returns the id.
    package static func takeExplicitID(from children: inout [MarkdownNode]) -> String? {
        guard let last = children.last, case .text(let text) = last.kind, text.utf8.last == UInt8(ascii: "}") else { return nil }
        // The last `{#` found on bytes, from the end: no Foundation string search per heading.
        let utf8 = text.utf8
        var open = utf8.index(before: utf8.endIndex)
        while open > utf8.startIndex {
            let before = utf8.index(before: open)
            if utf8[before] == UInt8(ascii: "{"), utf8[open] == UInt8(ascii: "#") { open = before; break }
            open = before
        }
        guard open < utf8.endIndex, utf8[open] == UInt8(ascii: "{"), utf8.index(after: open) < utf8.endIndex,
              utf8[utf8.index(after: open)] == UInt8(ascii: "#") else { return nil }
        let id = String(text[utf8.index(open, offsetBy: 2)..<utf8.index(before: utf8.endIndex)])
        var kept = String(text[..<open])
        while kept.last == " " { kept.removeLast() }
        if kept.isEmpty {
            children.removeLast()
        } else {
            children[children.count - 1].kind = .text(kept)
        }
        return id
    }

    package static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    /// 一、 （一） 1. （1）, as GB/T 9704 numbers the levels of a document's structure.
    package static func numberLabel(level: Int, count: Int) -> String {
        switch level {
        case 2: return ChineseNumeral.string(count) + "、"
        case 3: return "（" + ChineseNumeral.string(count) + "）"
        case 4: return "\(count)."
        case 5: return "（\(count)）"
        default: return ""
        }
    }

    // MARK: Structure

    /// Each part the schema asks for is covered by a heading, at any level, whose id or title it lists.
    private mutating func checkRequiredParts() {
        let ids = Set(headings.map(\.id))
        let titles = Set(headings.map { Schema.Part.normalized($0.title) })
        for (part, accepted) in zip(schema.parts, acceptedPartTitles) {
            guard let severity = part.severity,
                  !part.ids.contains(where: ids.contains),
                  !accepted.contains(where: titles.contains) else { continue }
            let example = part.titles.first.map { "`## \($0)\(part.ids.first.map { " {#\($0)}" } ?? "")`" }
            let suggestion = example.map { "add a heading such as \($0)" | "添加标题，如 \($0)" }
            diagnostics.append(Diagnostic(severity, "structure.missing-part", at: file.location(line: bodyStartLine, column: 1),
                                          "the report does not cover 「\(part.item)」" | "报告缺少「\(part.item)」部分", hint: suggestion))
        }
    }

    // MARK: Links

    /// A `metric:` link becomes a figure; one that cannot be read stays as its text (a group) with a diagnostic.
    private mutating func figure(_ node: inout MarkdownNode, key: String) {
        let line = node.line + bodyFirstLine - 1
        let text = node.plainText
        transformChildren(&node)
        node.kind = .group
        guard let definition = schema.metrics[key] else {
            diagnostics.append(.error("metric.unknown-key", at: location(of: node), "`\(key)` is not in the metric catalogue (schema.yaml)" | "指标目录（schema.yaml）中没有 `\(key)`",
                                      hint: "add it under `metrics:` in schema.yaml" | "在 schema.yaml 的 `metrics:` 下添加",
                                      correction: Suggestion.correction(for: key, in: schema.metrics.keys)))
            return
        }
        let figure: Figure
        switch FigureParser.parse(text, metric: key) {
        case .success(let parsed):
            figure = parsed
        case .failure(let failure):
            let why = failure == .noNumber ? "has no number in Arabic digits" | "中没有阿拉伯数字" : "has no unit after the number" | "中数字后没有单位"
            diagnostics.append(.error("metric.unparsable-figure", at: location(of: node), "the figure `\(text)` \(why.en)" | "数据 `\(text)` \(why.zh)",
                                      hint: "write it as printed, e.g. `3 次`, `60 余次`, `100%`" | "按印刷稿写，如 `3 次`、`60 余次`、`100%`"))
            return
        }
        if !definition.units.isEmpty, !definition.units.contains(figure.unit) {
            diagnostics.append(.error("metric.unit-mismatch", at: location(of: node),
                                      "`\(key)` is counted in \(definition.units.joined(separator: " / ")), but this figure is in `\(figure.unit)`"
                                        | "`\(key)` 的单位是\(definition.units.joined(separator: "/"))，此处为 `\(figure.unit)`",
                                      hint: "write the figure with the catalogue's unit, or add the unit to `units:` in schema.yaml"
                                        | "按指标目录的单位书写，或在 schema.yaml 的 `units:` 中添加此单位"))
        }
        if definition.kind == .percent, figure.value > 100 {
            diagnostics.append(.error("metric.percent-range", at: location(of: node), "a percentage above 100: `\(text)`" | "百分比超过 100：`\(text)`"))
        }
        if let minimum = definition.minimum, figure.value < minimum {
            diagnostics.append(.error("metric.out-of-range", at: location(of: node), "`\(key)` is at least \(minimum.formatted) by the catalogue; found `\(text)`"
                                        | "指标目录规定 `\(key)` 不小于 \(minimum.formatted)，此处为 `\(text)`"))
        }
        if let maximum = definition.maximum, figure.value > maximum {
            diagnostics.append(.error("metric.out-of-range", at: location(of: node), "`\(key)` is at most \(maximum.formatted) by the catalogue; found `\(text)`"
                                        | "指标目录规定 `\(key)` 不大于 \(maximum.formatted)，此处为 `\(text)`"))
        }
        if let (index, earlierLine, earlierColumn) = figureValues[key] {
            let earlier = figures[index]
            if earlier.value != figure.value || earlier.qualifier != figure.qualifier {
                diagnostics.append(.error("metric.conflicting-values", at: location(of: node),
                                          "`\(key)` was given as `\(earlier.text)` on line \(earlierLine) and here as `\(text)`"
                                            | "`\(key)` 在第 \(earlierLine) 行为 `\(earlier.text)`，此处为 `\(text)`",
                                          hint: "one report gives one value per metric; use another key for a different figure"
                                            | "一份报告中每个指标只有一个值；不同的数据请用另一个指标键",
                                          related: [RelatedLocation(file.location(line: earlierLine, byteColumn: max(earlierColumn, 1)),
                                                                    "first given here" | "首次给出在此")]))
            }
        } else {
            figureValues[key] = (figures.count, line, node.byteColumn)
            figures.append(figure)
        }
        node.kind = .figure(figure)
    }

    private mutating func documentReference(_ node: inout MarkdownNode, key: String) {
        transformChildren(&node)
        guard documents.contains(where: { $0.key == key }) else {
            node.kind = .group
            // A declaration that is there but broken has its own diagnostic; the link just stays plain text.
            guard !declaredDocumentKeys.contains(key) else { return }
            diagnostics.append(.error("doc.unknown-key", at: location(of: node), "the document `\(key)` is not declared in the front matter" | "前置信息中没有声明文件 `\(key)`",
                                      hint: "declare it under `documents:` with its title and date" | "在 `documents:` 下声明它的标题和日期",
                                      correction: Suggestion.correction(for: key, in: documents.map(\.key))))
            return
        }
        let count = (mentionCounts[key] ?? 0) + 1
        mentionCounts[key] = count
        let anchor = SiteLayout.mentionAnchor(key, count)
        mentions.append(DocumentMention(key: key, anchor: anchor, section: currentSection))
        node.kind = .reference(.document, target: .document(key: key), anchor: anchor)
    }

    private mutating func planReference(_ node: inout MarkdownNode, target: String) {
        transformChildren(&node)
        let here = location(of: node)
        guard let reference = Self.parsePlanTarget(target, defaultOrg: org, at: here) else {
            node.kind = .group
            diagnostics.append(.error("plan.malformed", at: here, "`plan:\(target)` is not a plan reference" | "`plan:\(target)` 不是有效的安排引用",
                                      hint: "write plan:YEAR#ID or plan:ORG/YEAR#ID, e.g. plan:\(year - 1)#plan-education"
                                        | "写作 plan:年度#id 或 plan:部门/年度#id，如 plan:\(year - 1)#plan-education"))
            return
        }
        planReferences.append(reference)
        node.kind = .reference(.plan, target: .plan(org: reference.org, year: reference.year, id: reference.id), anchor: nil)
    }

    package static func parsePlanTarget(_ target: String, defaultOrg: String, at location: SourceLocation) -> PlanReference? {
        let parts = target.split(separator: "#", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        let path = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        let org = path.count == 2 ? String(path[0]) : defaultOrg
        guard path.count <= 2, !org.isEmpty, let year = Int(path.last!) else { return nil }
        return PlanReference(org: org, year: year, id: String(parts[1]), location: location)
    }
}
