import Foundation
import GongkaiBase
import GongkaiKit
import GongkaiModel
import GongkaiOutput

/// Prints reports' print pages to PDF with an external engine, several at once, each within a time limit.
/// A PDF is written beside its final name and renamed only once it is complete, so none is ever half written.
struct ReportPrinter {
    let engine: PDFEngine
    let program: URL
    let timeout: TimeInterval
    let jobs: Int
    private(set) var printed = 0

    /// Engine failures, as diagnostics located at the reports they concern.
    struct Failure: Error {
        let diagnostics: [Diagnostic]
    }

    /// Progress lines are printed from this many reports on.
    static let progressThreshold = 4

    init(engine: PDFEngine, program: URL, timeout: TimeInterval, jobs: Int) {
        self.engine = engine
        self.program = program
        self.timeout = timeout
        self.jobs = jobs
    }

    mutating func print(_ reports: [Report], site: Site, in staging: URL) throws {
        let progress = LockedBox((done: 0, failures: [Diagnostic]()))
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = jobs
        for report in reports {
            queue.addOperation { [self] in
                let problem = printOne(report, site: site, in: staging)
                progress.withValue { state in
                    state.done += 1
                    if let problem { state.failures.append(problem) }
                    if reports.count >= Self.progressThreshold {
                        let line = "[\(state.done)/\(reports.count)] \(report.org)/\(report.year)\(problem == nil ? "" : " failed")\n"
                        FileHandle.standardError.write(Data(line.utf8))
                    }
                }
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        let failures = progress.withValue { $0.failures }
        guard failures.isEmpty else { throw Failure(diagnostics: failures.sortedForDisplay()) }
        printed = reports.count
    }

    /// Prints one report; returns a diagnostic when the engine fails.
    private func printOne(_ report: Report, site: Site, in staging: URL) -> Diagnostic? {
        let page = staging.appendingPathComponent(SiteLayout.file(of: SiteLayout.print(org: report.org, year: report.year)))
        let final = staging.appendingPathComponent(SiteLayout.pdf(org: report.org, year: report.year))
        let aside = staging.appendingPathComponent(report.sitePath + ".\(SiteLayout.pdfFile).partial.pdf")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-pdf-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: profile)
            try? FileManager.default.removeItem(at: aside)
        }
        let location = SourceLocation(file: report.sourcePath, line: 1, column: 1)
        func failure(_ en: String, _ zh: String) -> Diagnostic {
            .error("pdf.engine-failed", at: location, Message(en: en, zh: zh),
                   hint: Message(en: "run `\(program.path)` by hand on \(page.path) to see the whole output",
                                 zh: "可手动对 \(page.path) 运行 `\(program.path)` 查看完整输出"))
        }
        do {
            let result = try ProcessRunner.run(program, engine.arguments(page: page, pdf: aside, profile: profile), timeout: timeout)
            if result.timedOut {
                return failure("\(engine.rawValue) did not finish within \(Int(timeout)) s and was stopped",
                               "\(engine.rawValue) 在 \(Int(timeout)) 秒内未完成，已停止")
            }
            var pdf = (try? Data(contentsOf: aside)) ?? Data()
            guard result.status == 0, pdf.starts(with: Data("%PDF-".utf8)) else {
                let detail = Self.lastMeaningfulLines(of: result.standardError)
                return failure("\(engine.rawValue) failed (exit \(result.status)): \(detail)", "\(engine.rawValue) 运行失败（退出码 \(result.status)）：\(detail)")
            }
            if engine == .chromium, let org = site.org(report.org) {
                // Chromium sets only the title; WeasyPrint reads author, subject and keywords from the page's meta tags.
                pdf = try PDFDocumentInfo.updating(pdf, with: .init(
                    title: report.title, author: org.name, subject: "\(org.name)\(report.year)年度法治政府建设情况报告",
                    keywords: "法治政府建设年度报告"))
            }
            try pdf.write(to: aside)
            try FileManager.default.moveItem(at: aside, to: final)
            return nil
        } catch {
            return failure("could not print: \(error.localizedDescription)", "无法生成 PDF：\(error.localizedDescription)")
        }
    }

    /// The end of an engine's error output, without Chromium's routine start-up noise.
    static func lastMeaningfulLines(of text: String) -> String {
        let noise = ["dbus", "Fontconfig", "sandbox", "GPU", "gpu", "Gtk", "ALSA", "DevTools listening"]
        let lines = text.split(separator: "\n").filter { line in !noise.contains { line.contains($0) } }
        let tail = lines.suffix(3).joined(separator: " / ")
        return tail.isEmpty ? "no error output" : String(tail.prefix(600))
    }
}
