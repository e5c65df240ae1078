/// The diagnostics engine: the stages emit diagnostics; this decides what the user is shown. It applies the severity
/// policy (before anything is published), finds where each fix-it's text stands in the source, drops the duplicates
/// that two checks of one problem make, and sorts by file and position.
public struct DiagnosticEngine: Sendable {
    public let policy: DiagnosticPolicy
    /// Reads the lines fix-its stand on, by the paths diagnostics show.
    package let lines: SourceLines

    public init(policy: DiagnosticPolicy = .standard, lines: SourceLines = SourceLines()) {
        self.policy = policy
        self.lines = lines
    }

    public func finish(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        policy.apply(diagnostics).map(locatingFixIt).sortedForDisplay()
    }

    /// The fix-it's original text is looked for on the diagnostic's line, from its column on (a diagnostic points at
    /// the start of the construct, the mistyped word may stand inside it), else anywhere on the line.
    private func locatingFixIt(_ diagnostic: Diagnostic) -> Diagnostic {
        guard var fixIt = diagnostic.fixIt, fixIt.location == nil, !fixIt.original.isEmpty,
              let line = lines.line(diagnostic.location) else { return diagnostic }
        let scalars = Array(line.unicodeScalars), wanted = Array(fixIt.original.unicodeScalars)
        let from = min(max(diagnostic.location.column - 1, 0), scalars.count)
        let found = Self.firstIndex(of: wanted, in: scalars, from: from) ?? Self.firstIndex(of: wanted, in: scalars, from: 0)
        guard let found else { return diagnostic }
        fixIt.location = SourceLocation(file: diagnostic.location.file, line: diagnostic.location.line, column: found + 1)
        var located = diagnostic
        located.fixIt = fixIt
        return located
    }

    private static func firstIndex(of wanted: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard wanted.count <= scalars.count else { return nil }
        for index in stride(from: start, through: scalars.count - wanted.count, by: 1)
            where scalars[index..<(index + wanted.count)].elementsEqual(wanted) {
            return index
        }
        return nil
    }
}
