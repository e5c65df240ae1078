/// A report split into its YAML front matter and its Markdown body, with the line each starts on,
/// so positions inside either part can be reported as lines of the whole file.
struct FrontMatter {
    let yaml: String
    /// The file line of the first YAML line (2: the line after the opening `---`).
    let yamlFirstLine: Int
    let body: String
    /// The file line of the first body line.
    let bodyFirstLine: Int
}

enum FrontMatterSplitter {
    private static let fence = "---"

    /// Splits `file` at its front-matter fences; a missing or unterminated front matter is a diagnostic.
    /// Works on UTF-8 lines: splitting a whole report into Characters costs more than parsing it.
    static func split(_ file: SourceFile, into diagnostics: inout [Diagnostic]) -> FrontMatter? {
        let lines = file.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first, allowDots: false) else {
            diagnostics.append(.error("frontmatter.missing", at: file.start,
                                      "a report must start with YAML front matter between two `---` lines"
                                        | "报告必须以两行 `---` 之间的 YAML 前置信息开头",
                                      hint: "add `---`, the fields `org`, `year` and `title`, and `---` at the top"
                                        | "在开头添加 `---`、字段 `org`、`year`、`title`，再加一行 `---`"))
            return nil
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0], allowDots: true) }) else {
            diagnostics.append(.error("frontmatter.unterminated", at: file.start,
                                      "the front matter opened on line 1 is never closed" | "第 1 行开始的前置信息没有结束",
                                      hint: "add a line `---` after the last front-matter field" | "在最后一个字段后添加一行 `---`"))
            return nil
        }
        let text = file.text
        let yamlStart = lines[1].startIndex, closingLine = lines[closing]
        let yaml = closing > 1 ? String(text[yamlStart..<text.utf8.index(before: closingLine.startIndex)]) : ""
        let body = closing + 1 < lines.count ? String(text[lines[closing + 1].startIndex...]) : ""
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2)
    }

    /// `---` (or `...` closing) with nothing after it but spaces.
    private static func isFence(_ line: Substring.UTF8View, allowDots: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8) || (allowDots && bytes.elementsEqual("...".utf8))
    }
}
