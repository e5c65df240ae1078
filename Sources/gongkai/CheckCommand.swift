import ArgumentParser
import Foundation
import GongkaiBase
import GongkaiKit
import GongkaiModel
import GongkaiOutput

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Checks the sources and templates and reports every mistake; writes nothing.",
        discussion: """
            Exit status: 0 when there are no errors (warnings allowed), 1 when the sources have errors \
            (or warnings, with --warnings-as-errors), 2 for a usage or I/O failure.
            """
    )

    @OptionGroup var sources: SourceOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        var options = sources.builderOptions
        options.policy = diagnostics.policy
        let checked = Builder(options: options).check()
        let failed = try diagnostics.report(checked.diagnostics, includingNotes: true)
        // One line on standard output, as `build` prints, so a clean check says so; JSON has its summary inside.
        if diagnostics.format != .json {
            print(Self.summary(checked, language: diagnostics.lang))
        }
        if failed { throw ExitCode(1) }
    }

    /// `检查了 1 个部门的 1 份报告：0 个错误，0 个警告` or `checked 1 report of 1 department: 0 errors, 0 warnings`.
    static func summary(_ checked: Builder.Checked, language: Language) -> String {
        let counts = DiagnosticFormatter.summaryLine(checked.diagnostics, language: language)
        if language == .zh { return "检查了 \(checked.orgCount) 个部门的 \(checked.reportCount) 份报告：\(counts)" }
        let reports = "\(checked.reportCount) report\(checked.reportCount == 1 ? "" : "s")"
        let orgs = "\(checked.orgCount) department\(checked.orgCount == 1 ? "" : "s")"
        return "checked \(reports) of \(orgs): \(counts)"
    }
}
