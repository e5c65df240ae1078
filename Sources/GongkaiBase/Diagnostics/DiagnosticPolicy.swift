/// What the user asked of severities (`--warnings-as-errors`, `--severity ID=LEVEL`). The engine applies it to every
/// diagnostic of a run before it decides whether anything is published, so a warning made an error stops a build
/// exactly as an error does.
///
/// Only warnings and notes change: an error stays an error whatever the policy says, because the stages after it
/// rely on the sources being free of errors (an unresolved metric has nothing to render). `--warnings-as-errors`
/// leaves notes as they are.
public struct DiagnosticPolicy: Sendable, Equatable {
    public enum Level: String, Sendable, CaseIterable {
        case error, warning, info, off
    }

    /// Every warning becomes an error, after the per-id levels (a warning turned off stays off).
    public var warningsAsErrors: Bool
    /// Levels for single ids: `raw-html.dropped: off`, `content.unexpected-file: error`.
    public var levels: [String: Level]

    public init(warningsAsErrors: Bool = false, levels: [String: Level] = [:]) {
        self.warningsAsErrors = warningsAsErrors
        self.levels = levels
    }

    public static let standard = DiagnosticPolicy()

    /// The diagnostics as the policy has them: warnings raised or dropped, errors untouched.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard self != .standard else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard diagnostic.severity != .error else { return diagnostic }
            switch levels[diagnostic.id] {
            case .off: return nil
            case .error: return diagnostic.with(severity: .error)
            case .warning: return diagnostic.with(severity: .warning)
            case .info: return diagnostic.with(severity: .info)
            case nil: return warningsAsErrors && diagnostic.severity == .warning ? diagnostic.with(severity: .error) : diagnostic
            }
        }
    }
}

extension Diagnostic {
    package func with(severity: Severity) -> Diagnostic {
        var copy = Diagnostic(severity, id, at: location, message, hint: hint, related: related)
        copy.fixIt = fixIt
        return copy
    }
}
