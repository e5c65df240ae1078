import GongkaiBase

/// A report split into its YAML front matter and its Markdown body, with the line each starts on,
/// so positions inside either part can be reported as lines of the whole file.
package struct FrontMatter {
    package let yaml: String
    /// The file line of the first YAML line (2: the line after the opening `---`).
    package let yamlFirstLine: Int
    package let body: String
    /// The file line of the first body line.
    package let bodyFirstLine: Int
}

package enum FrontMatterSplitter {
    /// Splits `file` at its front-matter fences; a missing or unterminated front matter is a diagnostic.
    /// Looks at UTF-8 lines only up to the closing fence: splitting a whole report into lines or Characters costs
    /// more than parsing it.
    package static func split(_ file: SourceFile, into diagnostics: inout [Diagnostic]) -> FrontMatter? {
        var text = file.text
        // Byte offsets of the line after the opening fence, of the closing fence and of the line after it.
        let fences = text.withUTF8 { bytes -> (yamlStart: Int, closing: Int, closingLine: Int, bodyStart: Int)?? in
            var lineStart = 0, lineNumber = 1, yamlStart = 0
            while lineStart <= bytes.count {
                let end = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                if lineNumber == 1 {
                    guard isFence(line, allowDots: false) else { return .some(nil) }
                    yamlStart = end + 1
                } else if isFence(line, allowDots: true) {
                    return (yamlStart, lineStart, lineNumber, min(end + 1, bytes.count))
                }
                lineStart = end + 1
                lineNumber += 1
            }
            return nil
        }
        guard let found = fences else {
            diagnostics.append(.error("frontmatter.unterminated", at: file.start,
                                      "the front matter opened on line 1 is never closed" | "第 1 行开始的前置信息没有结束",
                                      hint: "add a line `---` after the last front-matter field" | "在最后一个字段后添加一行 `---`"))
            return nil
        }
        guard let fence = found else {
            diagnostics.append(.error("frontmatter.missing", at: file.start,
                                      "a report must start with YAML front matter between two `---` lines"
                                        | "报告必须以两行 `---` 之间的 YAML 前置信息开头",
                                      hint: "add `---`, the fields `org`, `year` and `title`, and `---` at the top"
                                        | "在开头添加 `---`、字段 `org`、`year`、`title`，再加一行 `---`"))
            return nil
        }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let yaml = fence.closingLine > 2 ? String(text[index(fence.yamlStart)..<index(fence.closing - 1)]) : ""
        let body = String(text[index(fence.bodyStart)...])
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: fence.closingLine + 1)
    }

    /// `---` (or `...` closing) with nothing after it but spaces.
    private static func isFence(_ line: UnsafeBufferPointer<UInt8>, allowDots: Bool) -> Bool {
        var count = line.count
        while count > 0, line[count - 1] == UInt8(ascii: " ") || line[count - 1] == UInt8(ascii: "\t") { count -= 1 }
        guard count == 3 else { return false }
        let marker = line[0]
        return (marker == UInt8(ascii: "-") || (allowDots && marker == UInt8(ascii: "."))) && line[1] == marker && line[2] == marker
    }
}
