import Foundation

/// The pipeline: load → parse → check → model → render → write. `check` stops before rendering;
/// `build` renders into an output, which for a folder is swapped in only when everything succeeded.
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

    public init(options: Options) {
        self.options = options
    }

    /// Loads and checks the sources and the templates without rendering.
    public func check() -> (site: Site?, templates: TemplateSet?, diagnostics: [Diagnostic]) {
        let loaded = ContentLoader(contentDirectory: options.contentDirectory, displayName: options.contentDisplayName,
                                   includeDrafts: options.includeDrafts, parallel: options.parallel).load()
        var diagnostics = loaded.diagnostics
        let templates = TemplateSet.load(from: options.templatesDirectory, displayName: options.templatesDisplayName, into: &diagnostics)
        return (loaded.site, templates, diagnostics.sortedForDisplay())
    }

    /// Renders into any output (memory for tests and the preview). Writes nothing when the sources have errors.
    public func build(to output: some OutputSink) throws -> Outcome {
        let checked = check()
        guard let site = checked.site, let templates = checked.templates, !checked.diagnostics.hasErrors else {
            return Outcome(diagnostics: checked.diagnostics, site: nil, filesWritten: nil)
        }
        let count = try SiteRenderer(site: site, templates: templates, reportsWithPDF: options.reportsWithPDF, parallel: options.parallel)
            .render(to: output)
        return Outcome(diagnostics: checked.diagnostics, site: site, filesWritten: count)
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
