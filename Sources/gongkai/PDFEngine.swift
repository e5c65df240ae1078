import Foundation

/// An external program that turns a print page into a PDF, found on PATH at run time.
enum PDFEngine: String, CaseIterable {
    case chromium, weasyprint

    /// Program names tried in order.
    var programNames: [String] {
        switch self {
        case .chromium: return ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        case .weasyprint: return ["weasyprint"]
        }
    }

    var installHint: String {
        switch self {
        case .chromium: return "apt-get install chromium"
        case .weasyprint: return "apt-get install weasyprint (or pip install weasyprint)"
        }
    }

    func locate() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in programNames {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// The arguments that print `page` to `pdf`. Chromium gets a profile folder of its own so several can run at once,
    /// no browser header or footer, the page's own CSS page size, and a document outline from the headings.
    func arguments(page: URL, pdf: URL, profile: URL) -> [String] {
        switch self {
        case .chromium:
            var arguments = ["--headless", "--disable-gpu", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--generate-pdf-document-outline",
                             "--run-all-compositor-stages-before-draw", "--print-to-pdf=\(pdf.path)"]
            // Chromium's sandbox cannot start as root (CI, containers); it reads only our own files here.
            if geteuid() == 0 { arguments.insert("--no-sandbox", at: 0) }
            return arguments + [page.absoluteString]
        case .weasyprint:
            return ["--quiet", page.absoluteString, pdf.path]
        }
    }
}
