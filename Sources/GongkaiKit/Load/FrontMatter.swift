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
    static func split(_ file: SourceFile, into diagnostics: inout [Diagnostic]) -> FrontMatter? {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == fence else {
            diagnostics.append(.error("frontmatter.missing", at: file.start,
                                      "a report must start with YAML front matter between two `---` lines"
                                        | "报告必须以两行 `---` 之间的 YAML 前置信息开头",
                                      hint: "add `---`, the fields `org`, `year` and `title`, and `---` at the top"
                                        | "在开头添加 `---`、字段 `org`、`year`、`title`，再加一行 `---`"))
            return nil
        }
        guard let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == fence || lines[$0].trimmingTrailingSpaces == "..." }) else {
            diagnostics.append(.error("frontmatter.unterminated", at: file.start,
                                      "the front matter opened on line 1 is never closed" | "第 1 行开始的前置信息没有结束",
                                      hint: "add a line `---` after the last front-matter field" | "在最后一个字段后添加一行 `---`"))
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2)
    }
}

private extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
