import GongkaiBase
import Yams

/// Parses YAML with Yams into `YAMLNode`s located in the file, reporting syntax errors, duplicate keys and
/// documents that expand beyond a node budget (alias bombs) as diagnostics.
package enum YAMLReader {
    /// Aliases are shared by Yams but expanded by any walk over the tree; a real front matter has a few hundred
    /// nodes, a "billion laughs" document billions.
    package static let nodeBudget = 100_000
    /// Yams builds its tree recursively, so a document nested thousands deep would overflow the stack.
    /// Real front matter nests three or four levels.
    package static let maximumDepth = 100

    /// - Parameters:
    ///   - firstLine: the file line the YAML text starts on (2 for front matter, 1 for a whole YAML file).
    package static func read(_ yaml: String, in file: SourceFile, firstLine: Int, into diagnostics: inout [Diagnostic]) -> YAMLNode? {
        if let (line, column) = excessiveNesting(yaml) {
            diagnostics.append(.error("yaml.too-deep", at: file.location(line: line + firstLine - 1, column: column),
                                      "this YAML is nested more than \(maximumDepth) levels deep" | "YAML 嵌套超过 \(maximumDepth) 层",
                                      hint: "front matter needs only a few levels: flatten the structure" | "前置信息只需要几层结构，请减少嵌套"))
            return nil
        }
        let root: Node?
        do {
            // `.basic` keeps every scalar a string; `.utf8` avoids Yams reading the environment on every parse.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, yaml: yaml, in: file, firstLine: firstLine))
            return nil
        } catch {
            diagnostics.append(.error("yaml.syntax", at: file.location(line: firstLine, column: 1), "\(error)" | "YAML 错误：\(error)"))
            return nil
        }
        guard let root else { return .null(file.location(line: firstLine, column: 1)) }
        var converter = Converter(file: file, firstLine: firstLine)
        let node = converter.convert(root)
        if converter.budgetExceeded {
            diagnostics.append(.error("yaml.too-large", at: node.location,
                                      "this YAML expands to more than \(nodeBudget) values (aliases repeated inside aliases?)"
                                        | "YAML 展开后超过 \(nodeBudget) 个值（别名层层引用？）",
                                      hint: "remove the `*alias` references that repeat large anchors" | "删除重复引用大段锚点的 `*别名`"))
            return nil
        }
        return node
    }

    /// The position where flow brackets or block indentation first pass `maximumDepth`, if they do. Counts
    /// brackets outside quotes, and indentation in spaces (each block level indents at least one more).
    package static func excessiveNesting(_ yaml: String) -> (line: Int, column: Int)? {
        var line = 1, column = 0, depth = 0
        var quote: Character?
        var atLineStart = true, indentation = 0
        for character in yaml {
            column += 1
            if character == "\n" {
                line += 1
                column = 0
                atLineStart = true
                indentation = 0
                quote = nil
                continue
            }
            if atLineStart {
                if character == " " {
                    indentation += 1
                    if indentation > maximumDepth * 2 { return (line, column) }
                    continue
                }
                atLineStart = false
            }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "[", "{":
                depth += 1
                if depth > maximumDepth { return (line, column) }
            case "]", "}": depth = max(0, depth - 1)
            case "#": quote = "\n" // a comment runs to the end of the line
            default: break
            }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, yaml: String, in file: SourceFile, firstLine: Int) -> Diagnostic {
        func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            var message = problem
            if let context { message += " (\(context.text) at line \(context.mark.line + firstLine - 1))" }
            let lineText = file.line(mark.line + firstLine - 1)
            let hasTab = lineText.prefix { $0 == " " || $0 == "\t" }.contains("\t") || problem.contains("tab")
            let hint = hasTab ? "indent YAML with spaces, never tabs" | "YAML 只能用空格缩进，不能用制表符" : nil
            return .error("yaml.syntax", at: file.location(line: mark.line + firstLine - 1, column: mark.column),
                          "YAML syntax error: \(message)" | "YAML 语法错误：\(message)", hint: hint)
        }
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let places = occurrences(of: key, in: yaml, from: context.mark)
            let (line, column) = places.count > 1 ? places[1] : (context.mark.line, context.mark.column)
            let first = places.first.map { [RelatedLocation(file.location(line: $0.0 + firstLine - 1, column: $0.1), "first given here" | "首次出现在此")] }
            return .error("yaml.duplicate-key", at: file.location(line: line + firstLine - 1, column: column),
                          "the key `\(key)` appears twice in this mapping" | "字段 `\(key)` 重复出现",
                          hint: "keep one of the two" | "保留其中一个", related: first ?? [])
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return located(mark, problem, context)
        default:
            return .error("yaml.syntax", at: file.location(line: firstLine, column: 1), "YAML error: \(error)" | "YAML 错误：\(error)")
        }
    }

    /// Where `key:` is written the first two times after a mapping's start, as (line, column) of the YAML text.
    private static func occurrences(of key: String, in yaml: String, from mark: Mark) -> [(Int, Int)] {
        var seen: [(Int, Int)] = []
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for index in max(mark.line - 1, 0)..<lines.count {
            let line = lines[index]
            var searchStart = line.startIndex
            while let found = line[searchStart...].range(of: key) {
                let before = found.lowerBound == line.startIndex ? nil : line[line.index(before: found.lowerBound)]
                let after = line[found.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }.first
                if (before == nil || " \t{,\"'".contains(before!)) && after == ":" {
                    seen.append((index + 1, line.distance(from: line.startIndex, to: found.lowerBound) + 1))
                    if seen.count == 2 { return seen }
                }
                searchStart = found.upperBound
            }
        }
        return seen
    }

    private struct Converter {
        package let file: SourceFile
        package let firstLine: Int
        package var visited = 0
        package var budgetExceeded = false

        package func location(_ node: Node) -> SourceLocation {
            guard let mark = node.mark else { return file.location(line: firstLine, column: 1) }
            return file.location(line: mark.line + firstLine - 1, column: mark.column)
        }

        package mutating func convert(_ node: Node) -> YAMLNode {
            visited += 1
            if visited > YAMLReader.nodeBudget { budgetExceeded = true }
            if budgetExceeded { return .null(location(node)) }
            switch node {
            case .scalar(let scalar):
                let isPlainNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
                return isPlainNull ? .null(location(node)) : .scalar(scalar.string, location(node))
            case .sequence(let sequence):
                return .sequence(sequence.map { convert($0) }, location(node))
            case .mapping(let mapping):
                // Yams has already refused duplicate keys (see `secondOccurrence`).
                let entries = mapping.map { key, value in (key: key.scalar?.string ?? "", keyLocation: location(key), value: convert(value)) }
                return .mapping(entries, location(node))
            case .alias:
                // Yams substitutes anchored nodes while composing; an alias node left over carries no value.
                return .null(location(node))
            }
        }
    }
}
