import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Renders compiled templates into bytes, as swift-mustache renders the same templates: names looked up through the
/// stack of section values (the first part of a dotted name climbs it, the rest do not), lists repeated, true and
/// present values shown, partials and parents with their indentation and block overrides. Hot path: one byte buffer
/// per page, direct dictionary lookups, byte-level escaping; no String is built for the page.
package struct TemplateRenderer: Sendable {
    package let templates: [String: CompiledTemplate]

    package init(templates: [String: CompiledTemplate]) {
        self.templates = templates
    }

    /// The page's bytes, or nil when there is no template of that name.
    package func render(_ view: [String: Any], template name: String) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        var context = Context(stack: [view], indentation: nil, overrides: nil)
        render(template.tokens, context: &context, into: &output)
        return output
    }

    private struct Context {
        var stack: [Any]
        var indentation: String?
        var overrides: [String: [CompiledTemplate.Token]]?
    }

    private func render(_ tokens: [CompiledTemplate.Token], context: inout Context, into output: inout [UInt8]) {
        let start = output.count
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for token in tokens { render(token, context: &context, into: &output) }
            return
        }
        // Indented (a standalone partial or block): each token's output that starts a line of this template's output
        // is indented, as swift-mustache does.
        let indent = Array(indentation.utf8)
        for token in tokens {
            let before = output.count
            let startsLine = before > start && output[before - 1] == UInt8(ascii: "\n")
            render(token, context: &context, into: &output)
            if startsLine, output.count > before { output.insert(contentsOf: indent, at: before) }
        }
    }

    private func render(_ token: CompiledTemplate.Token, context: inout Context, into output: inout [UInt8]) {
        switch token {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookUp(name, in: context.stack) else { return }
            let text = Self.text(of: value)
            if escaped {
                HTMLEscaping.escapeForTemplate(text, into: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .section(let name, let inverted, let body):
            let value = lookUp(name, in: context.stack)
            if inverted {
                guard Self.isEmpty(value) else { return }
                // An empty list is the inverted section's value, as swift-mustache has it (`{{.}}` shows it).
                if let list = Self.list(value) {
                    var inner = context
                    inner.stack.append(list)
                    render(body, context: &inner, into: &output)
                } else {
                    render(body, context: &context, into: &output)
                }
                return
            }
            if let list = Self.list(value) {
                for element in list {
                    var inner = context
                    inner.stack.append(element)
                    render(body, context: &inner, into: &output)
                }
                return
            }
            switch value {
            case let flag as Bool:
                if flag { render(body, context: &context, into: &output) }
            case .some(let value):
                var inner = context
                inner.stack.append(value)
                render(body, context: &inner, into: &output)
            case .none:
                return
            }
        case .partial(let name, let indentation, let overrides):
            guard let template = templates[name] else { return }
            var inner = context
            if let indentation { inner.indentation = (context.indentation ?? "") + indentation }
            if let overrides {
                // The outermost override of a block wins.
                inner.overrides = (context.overrides ?? [:]).merging(overrides) { outer, _ in outer }
            }
            render(template.tokens, context: &inner, into: &output)
        case .block(let name, let body, let indentation):
            var inner = context
            if let indentation { inner.indentation = (context.indentation ?? "") + indentation }
            render(context.overrides?[name] ?? body, context: &inner, into: &output)
        }
    }

    /// A dotted name's value: its first part looked up from the innermost section out, the rest inside it.
    private func lookUp(_ name: [String], in stack: [Any]) -> Any? {
        guard let first = name.first else { return stack.last }
        for object in stack.reversed() {
            guard var value = Self.child(first, of: object) else { continue }
            for part in name.dropFirst() {
                guard let inner = Self.child(part, of: value) else { return nil }
                value = inner
            }
            return value
        }
        return nil
    }

    /// A value's child by name; JSON's null reads as absent, as swift-mustache reads it. Hot path: the views' own
    /// types are recognised by their exact type before any cast, because a failed cast between dictionary types
    /// converts (and bridges) the whole dictionary.
    private static func child(_ name: String, of object: Any) -> Any? {
        let type = Swift.type(of: object)
        if type == [String: Any].self {
            // Compared by type, not with `is`: testing a String for a class would bridge it first.
            guard let value = (object as! [String: Any])[name], Swift.type(of: value) != NSNull.self else { return nil }
            return value
        }
        if type == [String: String].self { return (object as! [String: String])[name] }
        return nil
    }

    /// A value as a list of items, the views' list types recognised first by their exact type.
    private static func list(_ value: Any?) -> [Any]? {
        guard let value else { return nil }
        let type = Swift.type(of: value)
        if type == [[String: Any]].self { return value as! [[String: Any]] }
        if type == [[String: String]].self { return value as! [[String: String]] }
        if type == String.self || type == Bool.self || type == [String: Any].self || type == [String: String].self { return nil }
        return value as? [Any]
    }

    /// What an inverted section takes as empty: absent, false, an empty list.
    private static func isEmpty(_ value: Any?) -> Bool {
        guard let value else { return true }
        if let list = list(value) { return list.isEmpty }
        if let flag = value as? Bool { return !flag }
        return false
    }

    private static func text(of value: Any) -> String {
        if Swift.type(of: value) == String.self { return value as! String }
        return String(describing: value)
    }
}
