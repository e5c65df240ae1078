import ArgumentParser
import Foundation
import GongkaiKit

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
        let checked = Builder(options: sources.builderOptions).check()
        if diagnostics.report(checked.diagnostics) { throw ExitCode(1) }
    }
}
