/// The preview's error overlay: the diagnostics as an HTML fragment laid over every page while the sources are
/// broken. Everything from the sources is escaped; it reads on a phone and can be dismissed.
public enum DiagnosticOverlay {
    public static func html(_ diagnostics: [Diagnostic], language: Language, sourceLine: (SourceLocation) -> String?) -> String {
        var html = """
            <div id="gongkai-overlay" role="alertdialog" aria-labelledby="gongkai-overlay-title" style="position:fixed;inset:0;z-index:2147483647;\
            overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:16px/1.6 system-ui,sans-serif;padding:1rem;">
            <div style="max-width:60rem;margin:0 auto;">
            <button type="button" style="float:right;font-size:1rem;padding:.4rem .8rem;">\(language == .zh ? "关闭" : "Dismiss")</button>
            <h2 id="gongkai-overlay-title" style="margin:0 0 1rem;color:#ff8a80;">\
            \(HTMLEscaping.escape(DiagnosticFormatter.summaryLine(diagnostics, language: language)))\
            \(language == .zh ? "：页面仍显示上次成功构建的内容" : ": showing the last good build")</h2>
            <ol style="padding-left:1.2rem;">

            """
        for diagnostic in diagnostics {
            let colour = diagnostic.severity == .error ? "#ff8a80" : diagnostic.severity == .warning ? "#ffd180" : "#80d8ff"
            html += "<li style=\"margin-bottom:1rem;\"><strong style=\"color:\(colour)\">"
            html += HTMLEscaping.escape(diagnostic.message.text(language)) + "</strong> <code>[" + HTMLEscaping.escape(diagnostic.id) + "]</code><br>"
            html += "<code style=\"color:#80d8ff;word-break:break-all;\">" + HTMLEscaping.escape(diagnostic.location.description) + "</code>"
            if let line = sourceLine(diagnostic.location) {
                html += "<pre style=\"white-space:pre-wrap;background:#000;padding:.5rem;margin:.3rem 0;\">" + HTMLEscaping.escape(line) + "</pre>"
            }
            if let hint = diagnostic.hint { html += "<div>" + HTMLEscaping.escape(hint.text(language)) + "</div>" }
            html += "</li>\n"
        }
        return html + "</ol></div></div>\n"
    }
}
