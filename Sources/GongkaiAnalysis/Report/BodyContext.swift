import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// What the passes of a report's analysis share: the file (for locations), the schema, the report's identity, where
/// the walk is, and the diagnostics found.
struct BodyContext {
    let file: SourceFile
    /// The file line the Markdown body starts on: cmark-gfm counts lines from the body.
    let bodyFirstLine: Int
    let schema: Schema
    let org: String
    let year: Int
    let allowsRawHTML: Bool
    /// Each structure part's titles for this report's year, worked out once rather than at every heading.
    let acceptedPartTitles: [Set<String>]
    var diagnostics: [Diagnostic] = []
    /// The numbered heading the walk is under, with the numbers of those above it ("一、（三）依法服务社会经济大局"),
    /// where a document is named; empty before the first heading (the report's introduction).
    var currentSection = ""
    /// Where the report's first heading is: what is said of the report's structure is said there.
    var firstHeading: SourceLocation?
    /// How many links the walk is inside: text in a link is linked already.
    var linkDepth = 0
    /// The declared documents by title (without 《》), to see a title named without its link.
    var documentKeysByTitle: [String: String] = [:]
    /// Figures and declared titles written outside a link, for `UnlinkedMarkup`'s notes.
    var unlinkedFigures: [UnlinkedMarkup.Place] = []
    var unlinkedTitles: [UnlinkedMarkup.Place] = []

    init(file: SourceFile, bodyFirstLine: Int, schema: Schema, org: String, year: Int, allowsRawHTML: Bool) {
        self.file = file
        self.bodyFirstLine = bodyFirstLine
        self.schema = schema
        self.org = org
        self.year = year
        self.allowsRawHTML = allowsRawHTML
        acceptedPartTitles = schema.parts.map { $0.acceptedTitles(year: year) }
    }

    /// Worked out only for diagnostics: counting the characters before a column is not free.
    func location(of node: MarkdownNode) -> SourceLocation {
        let line = node.line > 0 ? node.line + bodyFirstLine - 1 : bodyStartLine
        return file.location(line: line, byteColumn: max(node.byteColumn, 1))
    }

    /// Where problems of the whole body are shown: its first line, or the file's last line when the file ends at the
    /// closing `---` (a location must lie inside the file).
    var bodyStartLine: Int { min(bodyFirstLine, file.lineCount) }
}
