import GongkaiBase
import GongkaiModel
import GongkaiSyntax
import Mustache

/// swift-mustache's HTML escaping done on bytes. The library's own walks every value Character by Character and looks
/// each up in a dictionary, and a report page holds hundreds of values (its figures table and contents). It is registered under the library's own name, so a template that starts with
/// `{{% CONTENT_TYPE: HTML }}` uses it; the escaped text is the same (`& < > " '`). The library renders each partial
/// and parent with its default escaping again, so every template file carries the line.
package struct TemplateEscaping: MustacheContentType {
    package func escapeText(_ text: String) -> String {
        HTMLEscaping.escapeForTemplate(text)
    }

    /// Registers it, once, before any template is parsed (the pragma is resolved while parsing).
    package static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: "HTML")
}
