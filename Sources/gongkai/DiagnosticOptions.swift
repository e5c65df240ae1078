import ArgumentParser
import Foundation
import GongkaiBase
import GongkaiKit
import GongkaiModel
import GongkaiOutput

extension DiagnosticFormatter.Format: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// How `build`, `check` and `pdf` report what they found, and which warnings fail them.
struct DiagnosticOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("human (source line and caret), editor (path:line:col: …) or json.", valueName: "format"))
    var format: DiagnosticFormatter.Format = .human

    @Option(name: .long, help: ArgumentHelp("Language of messages: zh (the editors', default) or en.", valueName: "lang"))
    var lang: Language = .zh

    @Flag(name: .long, help: "Treat warnings as errors: nothing is written and the command exits 1 when there are any.")
    var warningsAsErrors = false

    @Option(name: .long, help: ArgumentHelp("A warning's or note's level by its id: error, warning, info or off (repeatable; errors stay errors).",
                                            valueName: "id=level"))
    var severity: [String] = []

    func validate() throws {
        for setting in severity {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, DiagnosticPolicy.Level(rawValue: parts[1]) != nil else {
                throw ValidationError("'--severity \(setting)' is not ID=LEVEL with a level of error, warning, info or off")
            }
        }
    }

    /// The policy the engine applies before it publishes anything.
    var policy: DiagnosticPolicy {
        var levels: [String: DiagnosticPolicy.Level] = [:]
        for setting in severity {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            levels[parts[0]] = DiagnosticPolicy.Level(rawValue: parts[1])
        }
        return DiagnosticPolicy(warningsAsErrors: warningsAsErrors, levels: levels)
    }

    /// Prints the diagnostics (the policy already applied by the engine) to standard error and tells whether they
    /// fail the command.
    /// Prints the diagnostics; notes (suggestions to editors) only when `includingNotes` (`check`). True when there
    /// are errors.
    func report(_ all: [Diagnostic], includingNotes: Bool = false) throws -> Bool {
        let diagnostics = includingNotes ? all : all.filter { $0.severity != .info }
        let colour = format == .human && isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        if !diagnostics.isEmpty || format == .json {
            let text: String
            do {
                text = try DiagnosticFormatter(format: format, language: lang, colour: colour).format(diagnostics)
            } catch {
                FileHandle.standardError.write(Data("error: the diagnostics could not be written as \(format.rawValue): \(error)\n".utf8))
                throw ExitCode(2)
            }
            FileHandle.standardError.write(Data(text.utf8))
        }
        return diagnostics.hasErrors
    }
}
