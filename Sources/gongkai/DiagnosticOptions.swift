import ArgumentParser
import Foundation
import GongkaiKit

extension DiagnosticFormatter.Format: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// How `build` and `check` report what they found.
struct DiagnosticOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("human (source line and caret), editor (path:line:col: …) or json.", valueName: "format"))
    var format: DiagnosticFormatter.Format = .human

    @Option(name: .long, help: ArgumentHelp("Language of messages: zh (the editors', default) or en.", valueName: "lang"))
    var lang: Language = .zh

    @Flag(name: .long, help: "Treat warnings as errors: exit 1 when there are any.")
    var warningsAsErrors = false

    /// Prints the diagnostics to standard error and tells whether they fail the command.
    func report(_ diagnostics: [Diagnostic]) -> Bool {
        let colour = format == .human && isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        if !diagnostics.isEmpty || format == .json {
            let text = DiagnosticFormatter(format: format, language: lang, colour: colour).format(diagnostics)
            FileHandle.standardError.write(Data(text.utf8))
        }
        let (errors, warnings) = DiagnosticFormatter.summary(diagnostics)
        return errors > 0 || (warningsAsErrors && warnings > 0)
    }
}
