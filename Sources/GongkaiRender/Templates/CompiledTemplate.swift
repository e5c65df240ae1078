import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// A template parsed once into what rendering does: text as bytes, names split, sections nested, partials, parents
/// and blocks. It follows swift-mustache's reading of a template — which tags stand alone on their line, the
/// indentation of partials and blocks — so pages are byte for byte what that library renders (a test holds them
/// to it), for the subset of Mustache the templates use. Set delimiters, lambdas, transforms and dynamic names are
/// not part of it: a template that uses one is a diagnostic, never silently rendered as nothing.
package struct CompiledTemplate: Sendable {
    package indirect enum Token: Sendable {
        case text([UInt8])
        case variable(name: [String], escaped: Bool)
        case section(name: [String], inverted: Bool, body: [Token])
        /// `{{>name}}`, or `{{<name}}…{{/name}}` with its block overrides; `indentation` for a standalone one.
        case partial(name: String, indentation: String?, overrides: [String: [Token]]?)
        /// `{{$name}}…{{/name}}` where it is expanded: an override of it, or its own body.
        case block(name: String, body: [Token], indentation: String?)
    }

    package let tokens: [Token]

    package struct Failure: Error, Sendable {
        package let line: Int
        package let column: Int
        package let message: Message
    }

    package init(_ text: String) throws(Failure) {
        var reader = Reader(text)
        tokens = try reader.parse(section: nil, newLine: true, partialDefinition: nil)
    }

    /// The templates it names as partials and parents, wherever they stand.
    package var partials: Set<String> {
        var names = Set<String>()
        func visit(_ tokens: [Token]) {
            for token in tokens {
                switch token {
                case .text, .variable: continue
                case .section(_, _, let body), .block(_, let body, _): visit(body)
                case .partial(let name, _, let overrides):
                    names.insert(name)
                    overrides?.values.forEach(visit)
                }
            }
        }
        visit(tokens)
        return names
    }

    /// The names a dotted name is split into: `.` alone is the current value.
    static func split(_ name: String) -> [String] {
        name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// Reads a template Character by Character, as swift-mustache does (a CR LF is one newline).
    private struct Reader {
        let characters: [Character]
        var position = 0

        init(_ text: String) { characters = Array(text) }

        var atEnd: Bool { position >= characters.count }
        var current: Character { characters[position] }

        /// Where a mistake is: line and column of the reader's position.
        func failure(_ message: Message) -> Failure {
            var line = 1, column = 1
            for character in characters[..<min(position, characters.count)] {
                if character.isNewline { line += 1; column = 1 } else { column += 1 }
            }
            return Failure(line: line, column: column, message: message)
        }

        mutating func skip(while predicate: (Character) -> Bool) -> String {
            var text = ""
            while !atEnd, predicate(current) { text.append(current); position += 1 }
            return text
        }

        /// Whether the rest of the line is spaces or tabs; if so, moves past its newline (or to the end).
        mutating func lineFinished() -> Bool {
            if atEnd { return true }
            var probe = position
            while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
            guard probe < characters.count else { return false }
            guard characters[probe].isNewline else { return false }
            position = probe + 1
            return true
        }

        /// Text up to the next `{{` (moved past) or newline (not moved past), whichever comes first.
        mutating func readText() -> String {
            var text = ""
            while !atEnd {
                if current.isNewline { return text }
                if current == "{", position + 1 < characters.count, characters[position + 1] == "{" {
                    position += 2
                    return text
                }
                text.append(current)
                position += 1
            }
            return text
        }

        static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?")

        mutating func readName() throws(Failure) -> String {
            _ = skip { $0.isWhitespace }
            let name = skip { Self.nameCharacters.contains($0) }
            _ = skip { $0.isWhitespace }
            if !atEnd, current == "(" || current == "*" {
                throw failure("transforms and dynamic names are not supported by Gongkai's templates"
                              | "Gongkai 的模板不支持变换函数和动态名称")
            }
            try expect("}}")
            return name
        }

        mutating func expect(_ text: String) throws(Failure) {
            for character in text {
                guard !atEnd, current == character else {
                    throw failure("the tag is not closed with `}}`" | "标签没有以 `}}` 结束")
                }
                position += 1
            }
        }

        /// Parses tokens until the end, or until `{{/section}}`. `newLine` says whether the reader starts a line;
        /// `partialDefinition` is the indentation state inside a parent's body (`{{<name}}`).
        mutating func parse(section: String?, newLine startsLine: Bool, partialDefinition: PartialDefinition?) throws(Failure) -> [Token] {
            var tokens: [Token] = []
            var newLine = startsLine
            var whiteSpaceBefore = ""
            var definition = partialDefinition
            func flush(_ text: String) {
                if !text.isEmpty { tokens.append(.text(Array(text.utf8))) }
            }
            while !atEnd {
                if newLine {
                    let whiteSpace = skip { $0 == " " || $0 == "\t" }
                    if var inside = definition, !inside.topLevel {
                        if let indent = inside.indent {
                            whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                        } else {
                            inside.indent = whiteSpace
                            definition = inside
                        }
                    } else {
                        whiteSpaceBefore = whiteSpace
                    }
                }
                let text = readText()
                if !atEnd, current.isNewline {
                    flush(whiteSpaceBefore + text + String(current))
                    newLine = true
                    position += 1
                    continue
                }
                if !text.isEmpty {
                    flush(whiteSpaceBefore + text)
                    whiteSpaceBefore = ""
                    newLine = false
                }
                if atEnd { break }
                var setNewLine = false
                let sigil = current
                switch sigil {
                case "#", "^":
                    position += 1
                    let name = try readName()
                    if newLine && lineFinished() {
                        setNewLine = true
                    } else {
                        flush(whiteSpaceBefore)
                        whiteSpaceBefore = ""
                    }
                    var inner = definition
                    inner?.topLevel = false
                    let body = try parse(section: name, newLine: setNewLine ? newLine : false, partialDefinition: inner)
                    tokens.append(.section(name: CompiledTemplate.split(name), inverted: sigil == "^", body: body))
                case "/":
                    position += 1
                    let name = try readName()
                    guard name == section else {
                        throw failure("`{{/\(name)}}` closes no open section" | "`{{/\(name)}}` 没有对应的开始标签")
                    }
                    if !(newLine && lineFinished()) { flush(whiteSpaceBefore) }
                    return tokens
                case "!":
                    position += 1
                    while !atEnd, !(current == "}" && position + 1 < characters.count && characters[position + 1] == "}") { position += 1 }
                    try expect("}}")
                    setNewLine = newLine && lineFinished()
                case "{", "&":
                    flush(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                    position += 1
                    let name = try readName()
                    if sigil == "{" { try expect("}") }
                    tokens.append(.variable(name: CompiledTemplate.split(name), escaped: false))
                case ">":
                    position += 1
                    _ = skip { $0.isWhitespace }
                    let name = try readName()
                    flush(whiteSpaceBefore)
                    if newLine && lineFinished() {
                        setNewLine = true
                        tokens.append(.partial(name: name, indentation: whiteSpaceBefore, overrides: nil))
                    } else {
                        tokens.append(.partial(name: name, indentation: nil, overrides: nil))
                    }
                    whiteSpaceBefore = ""
                case "<":
                    position += 1
                    _ = skip { $0.isWhitespace }
                    let name = try readName()
                    flush(whiteSpaceBefore)
                    if newLine && lineFinished() { setNewLine = true }
                    let body = try parse(section: name, newLine: true, partialDefinition: PartialDefinition(topLevel: true, indent: nil))
                    var overrides: [String: [Token]] = [:]
                    for token in body {
                        switch token {
                        case .block(let block, let blockBody, _): overrides[block] = blockBody
                        case .text: continue
                        default: throw failure("a parent's body holds only blocks and text" | "父模板引用中只能有块和文本")
                        }
                    }
                    tokens.append(.partial(name: name, indentation: whiteSpaceBefore, overrides: overrides))
                    whiteSpaceBefore = ""
                case "$":
                    position += 1
                    let name = try readName()
                    if definition?.topLevel == true {
                        setNewLine = newLine && lineFinished()
                        var inner = definition
                        inner?.topLevel = false
                        let body = try parse(section: name, newLine: setNewLine ? newLine : false, partialDefinition: inner)
                        tokens.append(.block(name: name, body: body, indentation: nil))
                    } else {
                        flush(whiteSpaceBefore)
                        setNewLine = newLine && lineFinished()
                        var inner = definition
                        inner?.topLevel = false
                        let body = try parse(section: name, newLine: setNewLine ? newLine : false, partialDefinition: inner)
                        tokens.append(.block(name: name, body: body, indentation: whiteSpaceBefore))
                        whiteSpaceBefore = ""
                    }
                case "%":
                    // `{{% CONTENT_TYPE: HTML }}`: Gongkai escapes every template for HTML, the pragma changes nothing.
                    position += 1
                    _ = skip { $0.isWhitespace }
                    let pragma = skip { $0 != "}" }
                    guard pragma.replacingOccurrences(of: " ", with: "") == "CONTENT_TYPE:HTML" else {
                        throw failure("the only pragma is `{{% CONTENT_TYPE: HTML }}`" | "只支持 `{{% CONTENT_TYPE: HTML }}` 这一条指令")
                    }
                    try expect("}}")
                    setNewLine = newLine && lineFinished()
                case "=":
                    throw failure("changing the delimiters is not supported by Gongkai's templates" | "Gongkai 的模板不支持更改分隔符")
                default:
                    flush(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                    let name = try readName()
                    tokens.append(.variable(name: CompiledTemplate.split(name), escaped: true))
                }
                newLine = setNewLine
            }
            if let section {
                throw failure("`{{#\(section)}}` is never closed" | "`{{#\(section)}}` 没有结束标签")
            }
            return tokens
        }
    }

    /// Inside a parent's body: blocks at its top level are overrides; the first line's indentation is taken off the
    /// lines of a block's body.
    struct PartialDefinition {
        var topLevel: Bool
        var indent: String?
    }
}
