import Foundation
import GongkaiAnalysis
import GongkaiBase
import GongkaiModel
import GongkaiOutput
import GongkaiRender
import GongkaiSyntax

/// The pipeline: read → analyse → link (the content loader), then render → write. `check` stops after linking;
/// `build` renders into an output only when no error is left, and an output folder is swapped in only when
/// everything succeeded.
public struct Builder: Sendable {
    public struct Options: Sendable {
        public var contentDirectory: URL
        public var templatesDirectory: URL
        /// How the two folders are named in diagnostics.
        public var contentDisplayName: String
        public var templatesDisplayName: String
        public var includeDrafts = false
        /// Read reports and render pages on every core; off only to compare with a single-threaded build.
        public var parallel = true
        /// The reports whose PDF is published with the site, so their pages link to it.
        public var reportsWithPDF: ReportSelection = .none
        /// Warnings as errors and per-id levels, applied before anything is published.
        public var policy: DiagnosticPolicy = .standard

        public init(contentDirectory: URL, templatesDirectory: URL, contentDisplayName: String? = nil, templatesDisplayName: String? = nil) {
            self.contentDirectory = contentDirectory
            self.templatesDirectory = templatesDirectory
            self.contentDisplayName = contentDisplayName ?? contentDirectory.path
            self.templatesDisplayName = templatesDisplayName ?? templatesDirectory.path
        }
    }

    public struct Outcome: Sendable {
        /// Sorted by file and position.
        public let diagnostics: [Diagnostic]
        /// What was built, when it was.
        public let site: Site?
        /// Files written; nil when errors stopped the build before anything was written.
        public let filesWritten: Int?
        public var succeeded: Bool { filesWritten != nil }
    }

    public let options: Options

    /// The diagnostics engine with the run's policy, reading the sources where the diagnostics name them.
    package var engine: DiagnosticEngine {
        DiagnosticEngine(policy: options.policy, lines: SourceLines(folders: [
            (options.contentDisplayName, options.contentDirectory.path), (options.templatesDisplayName, options.templatesDirectory.path),
        ]))
    }

    public init(options: Options) {
        self.options = options
    }

    /// What `check` found.
    public struct Checked: Sendable {
        /// Nil when the sources have errors (after the policy).
        public let site: Site?
        public let templates: TemplateSet?
        /// Sorted by file and position, the policy applied.
        public let diagnostics: [Diagnostic]
        /// Department folders and report files found, whether or not they read cleanly.
        public let orgCount: Int
        public let reportCount: Int
    }

    /// Loads and checks the sources and the templates without rendering: the same path as `build`, without the
    /// bodies' HTML.
    public func check() -> Checked {
        let loaded = ContentLoader(contentDirectory: options.contentDirectory, displayName: options.contentDisplayName,
                                   includeDrafts: options.includeDrafts, parallel: options.parallel, rendersBodies: false).load()
        var diagnostics = loaded.diagnostics
        let templates = TemplateSet.load(from: options.templatesDirectory, displayName: options.templatesDisplayName, into: &diagnostics)
        diagnostics = engine.finish(diagnostics)
        return Checked(site: diagnostics.hasErrors ? nil : loaded.site, templates: templates, diagnostics: diagnostics,
                       orgCount: loaded.orgCount, reportCount: loaded.reportCount)
    }

    /// Reads, analyses and links every report, applies the policy, and only when no error is left renders every page
    /// into the output (memory for tests). A failed build hands no page to the output.
    public func build(to output: some OutputSink) throws -> Outcome {
        var diagnostics: [Diagnostic] = []
        let templates = TemplateSet.load(from: options.templatesDirectory, displayName: options.templatesDisplayName, into: &diagnostics)
        let loaded = ContentLoader(contentDirectory: options.contentDirectory, displayName: options.contentDisplayName,
                                   includeDrafts: options.includeDrafts, parallel: options.parallel).load()
        // The policy is applied before the outcome is decided: a warning made an error fails the build like any error.
        diagnostics = engine.finish(loaded.diagnostics + diagnostics)
        guard let site = loaded.site, let templates, !diagnostics.hasErrors else {
            return Outcome(diagnostics: diagnostics, site: nil, filesWritten: nil)
        }
        let renderer = SiteRenderer(site: site, templates: templates, reportsWithPDF: options.reportsWithPDF, parallel: options.parallel)
        let pages = renderer.pages()
        if let failure = try renderer.render(pages, to: output, templatesDisplayName: options.templatesDisplayName) {
            return Outcome(diagnostics: (diagnostics + [failure]).sortedForDisplay(), site: nil, filesWritten: nil)
        }
        return Outcome(diagnostics: diagnostics, site: site, filesWritten: pages.count)
    }

    /// Builds into a folder atomically: the previous contents stay exactly as they were unless the whole build succeeds.
    /// `finishing` runs on the finished staging folder before it is swapped in (the PDF step adds its files there);
    /// when it throws, nothing is published.
    public func build(into directory: URL, finishing: (_ staging: URL, _ site: Site) throws -> Void = { _, _ in }) throws -> Outcome {
        let output = try AtomicDirectoryOutput(destination: directory)
        do {
            let outcome = try build(to: output)
            if let site = outcome.site {
                try finishing(output.staging, site)
                try output.commit()
            } else {
                output.discard()
            }
            return outcome
        } catch {
            output.discard()
            throw error
        }
    }
}
