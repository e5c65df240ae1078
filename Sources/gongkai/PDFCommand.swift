import ArgumentParser
import Foundation
import GongkaiBase
import GongkaiKit
import GongkaiModel
import GongkaiOutput

struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Builds the portal and prints each report's print page to /{org}/{year}/report.pdf.",
        discussion: """
            The PDF engine is found on PATH: chromium (also chromium-browser, google-chrome) or weasyprint. \
            Everything is written into a hidden folder beside the output and swapped in only when every PDF succeeded. \
            Reports not named keep the PDF they had in the output folder, if any.
            """
    )

    @Argument(help: ArgumentHelp("Reports to print, as ORG/YEAR (default: all).", valueName: "org/year"))
    var reports: [String] = []

    @Option(name: .long, help: "The PDF engine: chromium or weasyprint.")
    var engine: PDFEngine = .chromium

    @Option(name: .long, help: ArgumentHelp("The folder the portal and its PDFs are written to.", valueName: "dir"))
    var output = "public"

    @Option(name: .long, help: ArgumentHelp("Seconds one report may take before its engine is stopped.", valueName: "seconds"))
    var timeout: Double = 180

    @Option(name: .long, help: ArgumentHelp("Reports printed at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var sources: SourceOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        for report in reports where report.split(separator: "/").count != 2 || Int(report.split(separator: "/").last ?? "") == nil {
            throw ValidationError("'\(report)' is not ORG/YEAR, e.g. hs-gdb/2023")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        guard let program = engine.locate() else {
            let others = PDFEngine.allCases.filter { $0 != engine }.map { "--engine \($0.rawValue) (\($0.installHint))" }
            FileHandle.standardError.write(Data("""
                error: no \(engine.rawValue) found on PATH (looked for \(engine.programNames.joined(separator: ", ")))
                  install it: \(engine.installHint)
                  or use \(others.joined(separator: ", "))

                """.utf8))
            throw ExitCode(2)
        }
        let outputURL = URL(fileURLWithPath: output)
        let selected = Set(reports.map { $0.hasSuffix("/") ? $0 : $0 + "/" })
        let kept = existingPDFs(in: outputURL).subtracting(selected.isEmpty ? [] : selected)
        var options = sources.builderOptions
        options.policy = diagnostics.policy
        var printer = ReportPrinter(engine: engine, program: program, timeout: timeout, jobs: jobs)

        // Which pages link a PDF must be known before rendering: the reports printed now and those kept.
        options.reportsWithPDF = selected.isEmpty ? .all : .only(selected.union(kept))
        let outcome: Builder.Outcome
        do {
            outcome = try Builder(options: options).build(into: outputURL) { staging, site in
                let all = Set(site.reports.map(\.sitePath))
                if let missing = selected.subtracting(all).sorted().first {
                    throw UnknownReport(name: String(missing.dropLast()), known: all.sorted().map { String($0.dropLast()) })
                }
                let targets = site.reports.filter { selected.isEmpty || selected.contains($0.sitePath) }
                for path in kept.subtracting(targets.map(\.sitePath)) {
                    try FileManager.default.copyItem(at: outputURL.appendingPathComponent(path + SiteLayout.pdfFile),
                                                     to: staging.appendingPathComponent(path + SiteLayout.pdfFile))
                }
                try printer.print(targets, site: site, in: staging)
            }
        } catch let unknown as UnknownReport {
            FileHandle.standardError.write(Data("error: there is no report \(unknown.name); the reports are \(unknown.known.joined(separator: ", "))\n".utf8))
            throw ExitCode(2)
        } catch let failure as ReportPrinter.Failure {
            _ = try diagnostics.report(failure.diagnostics)
            FileHandle.standardError.write(Data("pdf failed: \(output)/ was left unchanged\n".utf8))
            throw ExitCode(1)
        }
        if try diagnostics.report(outcome.diagnostics) || !outcome.succeeded {
            FileHandle.standardError.write(Data("pdf failed: \(output)/ was left unchanged\n".utf8))
            throw ExitCode(1)
        }
        print("wrote \(printer.printed) PDF\(printer.printed == 1 ? "" : "s") with \(engine.rawValue) into \(output)/")
    }

    /// Site paths (`hs-gdb/2023/`) of the PDFs a previous run left in the output folder.
    private func existingPDFs(in folder: URL) -> Set<String> {
        var found = Set<String>()
        let orgs = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for org in orgs {
            let years = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(org).path)) ?? []
            for year in years.compactMap({ Int($0) })
            where FileManager.default.fileExists(atPath: folder.appendingPathComponent(SiteLayout.pdf(org: org, year: year)).path) {
                found.insert(SiteLayout.report(org: org, year: year))
            }
        }
        return found
    }
}

extension PDFEngine: ExpressibleByArgument {}

/// A report named on the command line that the sources do not have.
private struct UnknownReport: Error {
    let name: String
    let known: [String]
}
