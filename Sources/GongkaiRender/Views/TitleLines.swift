/// The lines of a print title. GB/T 9704 asks a title that runs onto more lines to break between words (回行时词意完整)
/// and to be balanced (排列对称): the editor's `title_lines:` where given; otherwise, for a title too long for one
/// line, the break among the usual places of an official title (before 关于, after the year, before the subject
/// 法治政府建设 or the kind of document 报告) that gives the most even lines. Without such a place the title is one
/// line, and the page wraps it.
enum TitleLines {
    /// 22 pt characters across the 156 mm text block.
    static let width = 20

    /// Places a line may start, best first: at a match, or after it where it ends with `after: true`.
    private static let breaks: [(text: String, after: Bool)] = [
        ("关于", false), ("年度", true), ("年", true), ("法治政府建设", false), ("法治建设", false), ("依法行政", false),
        ("工作情况", false), ("情况", false), ("工作", false), ("年度报告", false), ("总结报告", false), ("报告", false),
    ]

    static func lines(title: String, given: [String]?) -> [String] {
        if let given, !given.isEmpty { return given }
        let characters = Array(title)
        guard width(of: characters[...]) > width else { return [title] }
        var best: (index: Int, longest: Int)?
        for (text, after) in breaks {
            let word = Array(text)
            var start = 1
            while start + word.count <= characters.count {
                defer { start += 1 }
                guard Array(characters[start..<start + word.count]) == word else { continue }
                // A year's 年 ends a word only after its digits (2023年), and not before 度 (2023年度).
                if text == "年", !(characters[start - 1].isASCII && characters[start - 1].isNumber)
                    || characters.dropFirst(start + 1).first == "度" { continue }
                let index = after ? start + word.count : start
                guard index > 0, index < characters.count else { continue }
                let longest = max(width(of: characters[..<index]), width(of: characters[index...]))
                if longest <= width, best.map({ longest < $0.longest }) ?? true { best = (index, longest) }
            }
        }
        guard let best else { return [title] }
        return [String(characters[..<best.index]), String(characters[best.index...])]
    }

    /// In full-width characters: an ASCII letter or digit is half of one.
    private static func width(of characters: ArraySlice<Character>) -> Int {
        let halves = characters.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
        return (halves + 1) / 2
    }
}
