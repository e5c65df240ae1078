/// A problem found in the sources, located in a file.
///
/// User mistakes are collected as diagnostics, never thrown: a build reports all of them at once.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Nothing is published.
        case error
        /// Published, and said by every command.
        case warning
        /// A suggestion to an editor (a figure that could be linked): said by `check` only, never failing anything.
        case info

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .info: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable identifier such as `metric.unknown-key`, for tests, docs and editors.
    public let id: String
    public let severity: Severity
    public let location: SourceLocation
    public let message: Message
    /// What to do about it, when that is obvious ("did you mean `law-lectures`?").
    public let hint: Message?
    /// Other places the problem involves: where a duplicate was first given, where a conflicting declaration is.
    public let related: [RelatedLocation]
    /// The text to put in place of the mistake, for every "did you mean"; located by the diagnostics engine.
    public internal(set) var fixIt: FixIt?

    /// - Parameters:
    ///   - correction: the nearest right word, for a mistyped one: its hint and its fix-it (used instead of `hint`).
    public init(_ severity: Severity, _ id: String, at location: SourceLocation, _ message: Message, hint: Message? = nil,
                correction: Correction? = nil, related: [RelatedLocation] = []) {
        self.id = id
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = correction?.hint ?? hint
        self.fixIt = correction?.fixIt
        self.related = related
    }

    /// Every field as it was: a diagnostic read back from the build cache.
    package init(id: String, severity: Severity, location: SourceLocation, message: Message, hint: Message?, related: [RelatedLocation],
                 fixIt: FixIt?) {
        self.id = id
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.related = related
        self.fixIt = fixIt
    }

    public static func error(_ id: String, at location: SourceLocation, _ message: Message, hint: Message? = nil,
                             correction: Correction? = nil, related: [RelatedLocation] = []) -> Diagnostic {
        Diagnostic(.error, id, at: location, message, hint: hint, correction: correction, related: related)
    }

    public static func warning(_ id: String, at location: SourceLocation, _ message: Message, hint: Message? = nil,
                               correction: Correction? = nil, related: [RelatedLocation] = []) -> Diagnostic {
        Diagnostic(.warning, id, at: location, message, hint: hint, correction: correction, related: related)
    }

    public static func info(_ id: String, at location: SourceLocation, _ message: Message, hint: Message? = nil,
                            correction: Correction? = nil, related: [RelatedLocation] = []) -> Diagnostic {
        Diagnostic(.info, id, at: location, message, hint: hint, correction: correction, related: related)
    }

    /// The editor form in English: `path:line:col: error: message [id]`.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message.en) [\(id)]"
        if let hint { text += "\n  hint: \(hint.en)" }
        return text
    }
}

/// Another place a diagnostic involves, with what it is ("first given here").
public struct RelatedLocation: Sendable, Hashable {
    public let location: SourceLocation
    public let message: Message

    public init(_ location: SourceLocation, _ message: Message) {
        self.location = location
        self.message = message
    }
}

/// Text to put in place of a mistake: `original` as it stands in the source, starting at `location`.
public struct FixIt: Sendable, Hashable {
    public let original: String
    public let replacement: String
    /// Where `original` starts; nil when the engine could not find it on the diagnostic's line.
    public internal(set) var location: SourceLocation?

    public init(original: String, replacement: String, location: SourceLocation? = nil) {
        self.original = original
        self.replacement = replacement
        self.location = location
    }
}

/// A mistyped word's nearest right one: the hint a person reads and the fix-it a tool applies.
public struct Correction: Sendable, Hashable {
    public let hint: Message
    public let fixIt: FixIt

    package init(hint: Message, fixIt: FixIt) {
        self.hint = hint
        self.fixIt = fixIt
    }
}

/// A position in a source file: 1-based line counted in the whole file (front matter included)
/// and 1-based column counted in characters.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

extension Array where Element == Diagnostic {
    /// Sorted by file and position, duplicates removed: the order the CLI prints them in. Two diagnostics with the
    /// same id at the same place are one problem found by two checks; the first one found is kept.
    public func sortedForDisplay() -> [Diagnostic] {
        var seen = Set<String>()
        // Said twice is said once; two messages of one id at one place (two missing parts) are two.
        return filter { seen.insert("\($0.location)|\($0.id)|\($0.message.en)").inserted }
            .sorted { ($0.location, $0.severity, $0.id, $0.message.en) < ($1.location, $1.severity, $1.id, $1.message.en) }
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
}
