import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Numbers the headings (一、（一）1.（1）) and gives each an anchor — its `{#id}`, or a stable generated one — and
/// collects the plan items, the headings of the plans part that later reports cite.
struct HeadingNumbering {
    private(set) var headings: [HeadingEntry] = []
    private(set) var planItems: [PlanItem] = []
    private var counters = [Int](repeating: 0, count: 7)
    private var previousLevel = 1
    /// The file line and column each heading id was first used at.
    private var usedIDs: [String: (line: Int, byteColumn: Int)] = [:]
    private var insidePlanPart = false
    /// Whether the paragraphs met now belong to the last plan item: from its heading to the next of level 3 or above.
    private var collectsPlanText = false

    /// Called once the heading's children are analysed.
    mutating func visit(_ node: inout MarkdownNode, level: Int, in context: inout BodyContext) {
        let explicitID = Self.takeExplicitID(from: &node.children)
        if explicitID == nil, let last = node.children.last, case .text(let text) = last.kind {
            FullWidthMarkup.checkHeadingID(in: text, at: last, in: &context)
        }
        // Locations are worked out only for diagnostics: counting the characters before a column is not free.
        let line = node.line + context.bodyFirstLine - 1
        if level > previousLevel + 1 {
            context.diagnostics.append(.warning("structure.skipped-level", at: context.location(of: node),
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
            context.diagnostics.append(.error("heading.invalid-id", at: context.location(of: node), "the id `\(explicitID)` may use only letters, digits, `-` and `_`, starting with a letter"
                                                | "id `\(explicitID)` 只能包含英文字母、数字、`-` 和 `_`，并以字母开头"))
        }
        if let first = usedIDs[id] {
            context.diagnostics.append(.error("heading.duplicate-id", at: context.location(of: node), "the id `\(id)` is used already on line \(first.line)" | "id `\(id)` 已在第 \(first.line) 行使用",
                                              hint: "give this heading another {#id}" | "为此标题另起一个 {#id}",
                                              related: [RelatedLocation(context.file.location(line: first.line, byteColumn: max(first.byteColumn, 1)),
                                                                        "first used here" | "首次使用在此")]))
        } else {
            usedIDs[id] = (line, node.byteColumn)
        }
        let title = MarkdownNode(kind: .group, children: node.children, line: 0, byteColumn: 0).plainText
        if headings.isEmpty { context.firstHeading = context.location(of: node) }
        headings.append(HeadingEntry(level: level, number: number, title: title, id: id))
        // The place as the paper is cited: the numbers of the headings above, then this one's (一、（三）2. 强化政策供给).
        let above = (2..<max(2, level)).filter { counters[$0] > 0 }.map { Self.numberLabel(level: $0, count: counters[$0]) }.joined()
        context.currentSection = above + number + title

        if level <= 3 { collectsPlanText = false }
        if level == 2 {
            let normalized = Schema.Part.normalized(title)
            insidePlanPart = zip(context.schema.parts, context.acceptedPartTitles).contains { part, titles in
                part.holdsPlans && part.isCovered(byID: id, title: normalized, accepted: titles)
            }
        } else if level == 3, insidePlanPart {
            if explicitID == nil {
                context.diagnostics.append(.warning("plan.missing-id", at: context.location(of: node), "a plan item needs an id so later reports can cite it" | "工作安排需要 id，以便以后的报告引用",
                                                    hint: "end the heading with {#plan-…}" | "在标题末尾加上 {#plan-…}"))
            }
            planItems.append(PlanItem(id: id, number: number, title: title))
            collectsPlanText = true
        }
        node.kind = .numberedHeading(level: level, number: number, id: id)
    }

    /// A paragraph, once its children are analysed: under a plan item, it is part of what the item promises.
    mutating func visitParagraph(_ node: MarkdownNode) {
        guard collectsPlanText else { return }
        let line = Self.joiningChineseLines(node.plainText)
        guard !line.isEmpty else { return }
        planItems[planItems.count - 1].text += (planItems[planItems.count - 1].text.isEmpty ? "" : "\n") + line
    }

    /// A soft line break is a space in plain text, but none between two Chinese characters (开展讲座，/印发资料 is one
    /// phrase), as the page renders it. Found on bytes: a space between two bytes of multi-byte characters.
    static func joiningChineseLines(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: " ")) else { return text }
        var text = text
        return text.withUTF8 { utf8 in
            var joined: [UInt8] = []
            joined.reserveCapacity(utf8.count)
            for index in utf8.indices {
                if utf8[index] == UInt8(ascii: " "), index > 0, index + 1 < utf8.count, utf8[index - 1] >= 0x80, utf8[index + 1] >= 0x80 { continue }
                joined.append(utf8[index])
            }
            return String(decoding: joined, as: UTF8.self)
        }
    }

    /// Removes a trailing `{#id}` from the heading's last text and returns the id.
    static func takeExplicitID(from children: inout [MarkdownNode]) -> String? {
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

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    /// 一、 （一） 1. （1）, as GB/T 9704 numbers the levels of a document's structure.
    static func numberLabel(level: Int, count: Int) -> String {
        switch level {
        case 2: return ChineseNumeral.string(count) + "、"
        case 3: return "（" + ChineseNumeral.string(count) + "）"
        case 4: return "\(count)."
        case 5: return "（\(count)）"
        default: return ""
        }
    }
}
