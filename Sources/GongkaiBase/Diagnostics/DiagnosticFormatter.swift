import Foundation
import Synchronization

/// Writes diagnostics for people (`human`), for editors and CI annotations (`editor`), and for programs (`json`).
public struct DiagnosticFormatter {
    public enum Format: String, CaseIterable, Sendable { case human, editor, json }

    public var format: Format
    /// The language of messages and hints; the editor format keeps its `error`/`warning` words for tools.
    public var language: Language
    /// ANSI colour, for a terminal only.
    public var colour: Bool
    /// Reads the source line a human-format diagnostic shows; nil when the file cannot be read.
    public var sourceLine: (SourceLocation) -> String?

    public init(format: Format, language: Language = .zh, colour: Bool = false,
                sourceLine: @escaping (SourceLocation) -> String? = SourceLines().line) {
        self.format = format
        self.language = language
        self.colour = colour
        self.sourceLine = sourceLine
    }

    /// The version of the JSON structure; raised when a field changes meaning or goes away.
    public static let jsonVersion = 1

    /// The diagnostics as text; throws only when the JSON encoder fails, so a program never reads an empty report.
    public func format(_ diagnostics: [Diagnostic]) throws -> String {
        switch format {
        case .editor: return diagnostics.map(editor).joined()
        case .human: return human(diagnostics)
        case .json: return try json(diagnostics)
        }
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> (errors: Int, warnings: Int, notes: Int) {
        let errors = diagnostics.filter { $0.severity == .error }.count, notes = diagnostics.filter { $0.severity == .info }.count
        return (errors, diagnostics.count - errors - notes, notes)
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `path:line:col: error: message [id]`, then a `note:` line for each related place and a `fix-it:` line.
    private func editor(_ diagnostic: Diagnostic) -> String {
        var text = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message.text(language)) [\(diagnostic.id)]\n"
        for related in diagnostic.related {
            text += "\(related.location): note: \(related.message.text(language)) [\(diagnostic.id)]\n"
        }
        if let fixIt = diagnostic.fixIt {
            text += "\(fixIt.location ?? diagnostic.location): fix-it: \(fixItText(fixIt)) [\(diagnostic.id)]\n"
        }
        return text
    }

    private func fixItText(_ fixIt: FixIt) -> String {
        language == .zh ? "把 `\(fixIt.original)` 改为 `\(fixIt.replacement)`" : "replace `\(fixIt.original)` with `\(fixIt.replacement)`"
    }

    private func human(_ diagnostics: [Diagnostic]) -> String {
        var text = ""
        for diagnostic in diagnostics {
            let severity: String
            switch diagnostic.severity {
            case .error: severity = paint(language == .zh ? "错误" : "error", "1;31")
            case .warning: severity = paint(language == .zh ? "警告" : "warning", "1;33")
            case .info: severity = paint(language == .zh ? "建议" : "note", "1;36")
            }
            text += "\(severity): \(paint(diagnostic.message.text(language), "1")) [\(diagnostic.id)]\n"
            text += "  \(paint("-->", "34")) \(diagnostic.location)\n"
            if let line = sourceLine(diagnostic.location) {
                let number = String(diagnostic.location.line)
                let gutter = String(repeating: " ", count: number.count)
                let shown = line.replacingOccurrences(of: "\t", with: " ")
                let before = shown.prefix(max(diagnostic.location.column - 1, 0))
                let caretOffset = before.reduce(0) { $0 + ($1.isWide ? 2 : 1) }
                text += "\(gutter) \(paint("|", "34"))\n"
                text += "\(paint(number, "34")) \(paint("|", "34")) \(shown)\n"
                text += "\(gutter) \(paint("|", "34")) \(String(repeating: " ", count: caretOffset))\(paint("^", "1;31"))\n"
            }
            if let hint = diagnostic.hint { text += "  \(paint(language == .zh ? "= 提示：" : "= hint: ", "36"))\(hint.text(language))\n" }
            if let fixIt = diagnostic.fixIt {
                text += "  \(paint(language == .zh ? "= 修改：" : "= fix: ", "36"))\(fixItText(fixIt))"
                    + (fixIt.location.map { " (\($0.line):\($0.column))" } ?? "") + "\n"
            }
            for related in diagnostic.related {
                text += "  \(paint(language == .zh ? "= 参见：" : "= note: ", "36"))\(related.message.text(language)) \(paint("-->", "34")) \(related.location)\n"
            }
            text += "\n"
        }
        return text + Self.summaryLine(diagnostics, language: language) + "\n"
    }

    /// `2 errors, 1 warning` or `2 个错误，1 个警告`; notes, when there are any, after them (`，3 条建议`).
    public static func summaryLine(_ diagnostics: [Diagnostic], language: Language) -> String {
        let (errors, warnings, notes) = summary(diagnostics)
        if language == .zh { return "\(errors) 个错误，\(warnings) 个警告" + (notes > 0 ? "，\(notes) 条建议" : "") }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            + (notes > 0 ? ", \(notes) note\(notes == 1 ? "" : "s")" : "")
    }

    private struct JSONReport: Encodable {
        /// `notes` added in version 1 without changing what was there.
        package struct Summary: Encodable { let errors: Int, warnings: Int, notes: Int }
        package struct Place: Encodable { let file: String, line: Int, column: Int, message: String }
        package struct Fix: Encodable { let original: String, replacement: String, file: String?, line: Int?, column: Int? }
        package struct Entry: Encodable {
            package let id: String, severity: String, file: String, line: Int, column: Int, message: String, hint: String?
            /// Absent when empty or none, as `hint`: added in version 1 without changing what was there.
            package let related: [Place]?
            package let fixIt: Fix?
        }
        package let version: Int
        package let language: String
        package let summary: Summary
        package let diagnostics: [Entry]
    }

    private func json(_ diagnostics: [Diagnostic]) throws -> String {
        let (errors, warnings, notes) = Self.summary(diagnostics)
        let report = JSONReport(version: Self.jsonVersion, language: language.rawValue, summary: .init(errors: errors, warnings: warnings, notes: notes),
                                diagnostics: diagnostics.map {
            .init(id: $0.id, severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line,
                  column: $0.location.column, message: $0.message.text(language), hint: $0.hint?.text(language),
                  related: $0.related.isEmpty ? nil : $0.related.map {
                      .init(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message.text(language))
                  },
                  fixIt: $0.fixIt.map {
                      .init(original: $0.original, replacement: $0.replacement, file: $0.location?.file, line: $0.location?.line, column: $0.location?.column)
                  })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}

/// Source lines read back from the files diagnostics name, each file read once.
public final class SourceLines: Sendable {
    /// Each file with its line starts (`SourceFile`): splitting it into Characters took a second for the notes of a
    /// 500-report portal.
    private let files = Mutex<[String: SourceFile]>([:])
    /// Folders as diagnostics name them (`Content`) and where they are, for paths that are not the files' own.
    private let folders: [(shown: String, path: String)]

    public init(folders: [(shown: String, path: String)] = []) {
        self.folders = folders
    }

    /// The file a shown path stands for.
    private func path(of shown: String) -> String {
        for folder in folders where shown.hasPrefix(folder.shown + "/") {
            return folder.path + shown.dropFirst(folder.shown.count)
        }
        return shown
    }

    public func line(_ location: SourceLocation) -> String? {
        files.withLock { files in
            if files[location.file] == nil {
                guard let data = FileManager.default.contents(atPath: path(of: location.file)) else { return nil }
                files[location.file] = SourceFile(path: location.file, text: String(decoding: data, as: UTF8.self))
            }
            guard let file = files[location.file], location.line >= 1, location.line <= file.lineCount else { return nil }
            return String(file.line(location.line))
        }
    }
}
