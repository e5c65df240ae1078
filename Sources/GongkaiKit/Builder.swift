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
        /// Where a build keeps what the next one can reuse (reports read, which files the output has); nil reads and
        /// renders everything.
        public var cache: BuildCache?
        /// How much body HTML a build with a cache keeps in memory (`ContentLoader.bodyMemory`); tests set none.
        package var bodyMemory = ContentLoader.bodyMemory

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
        /// Files of the site; nil when errors stopped the build before anything was written.
        public let filesWritten: Int?
        /// Of those, the files rendered by this build; the others are the previous build's files, kept as they were.
        public var filesRendered: Int? = nil
        public var succeeded: Bool { filesWritten != nil }
    }

    public let options: Options

    /// The diagnostics engine with the run's policy, reading the sources where the diagnostics name them: the
    /// portal's levels from schema.yaml (`severity:`), then the command line's over them.
    package func engine(_ loaded: ContentLoader.Result) -> DiagnosticEngine {
        var policy = options.policy
        policy.levels = loaded.severities.merging(policy.levels) { _, commandLine in commandLine }
        return DiagnosticEngine(policy: policy, lines: SourceLines(folders: [
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
                                   includeDrafts: options.includeDrafts, cache: options.cache.map { ReportCache(store: $0, defersBodies: true) },
                                   parallel: options.parallel, rendersBodies: false).load()
        var diagnostics = loaded.diagnostics
        let templates = TemplateSet.load(from: options.templatesDirectory, displayName: options.templatesDisplayName, into: &diagnostics)
        diagnostics += Self.fieldDiagnostics(templates, loaded.site)
        diagnostics = engine(loaded).finish(diagnostics)
        return Checked(site: diagnostics.hasErrors ? nil : loaded.site, templates: templates, diagnostics: diagnostics,
                       orgCount: loaded.orgCount, reportCount: loaded.reportCount)
    }

    /// What a build renders from: the site linked, the templates loaded, the policy applied.
    private struct Prepared {
        let loader: ContentLoader
        let loaded: ContentLoader.Result
        let site: Site
        let templates: TemplateSet
        let diagnostics: [Diagnostic]
    }

    /// Reads, analyses and links every report and loads the templates; the outcome to return when errors stop the build.
    private func prepare() -> Result<Prepared, FailedBuild> {
        var diagnostics: [Diagnostic] = []
        let templates = TemplateSet.load(from: options.templatesDirectory, displayName: options.templatesDisplayName, into: &diagnostics)
        let loader = ContentLoader(contentDirectory: options.contentDirectory, displayName: options.contentDisplayName,
                                   includeDrafts: options.includeDrafts, cache: options.cache.map { ReportCache(store: $0, defersBodies: true) },
                                   parallel: options.parallel, bodyMemory: options.bodyMemory)
        let loaded = loader.load()
        diagnostics += Self.fieldDiagnostics(templates, loaded.site)
        // The policy is applied before the outcome is decided: a warning made an error fails the build like any error.
        diagnostics = engine(loaded).finish(loaded.diagnostics + diagnostics)
        guard let site = loaded.site, let templates, !diagnostics.hasErrors else { return .failure(FailedBuild(diagnostics: diagnostics)) }
        return .success(Prepared(loader: loader, loaded: loaded, site: site, templates: templates, diagnostics: diagnostics))
    }

    /// A warning at each field the templates read that the schema does not declare, where both loaded. The fields
    /// Gongkai itself knows (`addressee`, which the shipped print page reads) are never one: a portal may leave them out.
    static func fieldDiagnostics(_ templates: TemplateSet?, _ site: Site?) -> [Diagnostic] {
        guard let templates, let site, !templates.fieldReads.isEmpty else { return [] }
        let frontMatter = site.schema.frontMatter
        let documents = frontMatter[frontMatter.root].property("documents").flatMap { index -> Int? in
            guard case .rule(let entries) = frontMatter[index].additional else { return nil }
            return entries
        }
        let known = SchemaContract.frontMatter
        let knownOfDocuments = known.lazy.compactMap { field -> [SchemaContract.Field]? in
            guard case .mappingsOf(let fields) = field.kind else { return nil }
            return fields
        }.first ?? []
        return TemplateLint.unknownFields(templates.fieldReads, declared: [
            .report: frontMatter.declaredNames(of: frontMatter.root).map { $0.union(known.map(\.name)) },
            .document: documents.flatMap { frontMatter.declaredNames(of: $0) }.map { $0.union(knownOfDocuments.map(\.name)) },
        ])
    }

    private struct FailedBuild: Error {
        let diagnostics: [Diagnostic]
        var outcome: Outcome { Outcome(diagnostics: diagnostics, site: nil, filesWritten: nil) }
    }

    /// Renders the pages at `files` of the prepared site into the output. The pages of a report whose body the build
    /// cache left on disk are rendered as soon as that body is loaded, and the body let go: a portal of thousands of
    /// reports never holds all its bodies at once. The diagnostics of what could not be rendered; empty on success.
    /// `registry` is the one the files were listed from: making it works out every commitment and metric series.
    private func render(_ files: Set<String>, of prepared: Prepared, registry: SitePages, to output: some OutputSink) throws -> [Diagnostic] {
        let deferred = prepared.loaded.deferredBodies
        var direct: [Page] = [], loading = Set<String>()
        for page in registry.all() where files.contains(page.file) {
            if let report = page.reportShown, deferred[report] != nil { loading.insert(report) } else { direct.append(page) }
        }
        let renderer = SiteRenderer(site: prepared.site, templates: prepared.templates, reportsWithPDF: options.reportsWithPDF,
                                    parallel: options.parallel)
        if let failure = try renderer.render(direct, to: output, templatesDisplayName: options.templatesDisplayName) { return [failure] }
        let single = SiteRenderer(site: prepared.site, templates: prepared.templates, reportsWithPDF: options.reportsWithPDF, parallel: false)
        let outcomes = ParallelMap.map(prepared.site.reports.filter { loading.contains($0.sitePath) }, parallel: options.parallel) {
            report -> Result<Diagnostic?, Error> in
            guard let kept = deferred[report.sitePath] else { return .success(nil) }
            var shown = report, problems: [Diagnostic] = []
            guard let body = prepared.loader.body(of: report, in: prepared.site, kept: kept, into: &problems) else { return .success(problems.first) }
            shown.body = body
            let pages = registry.reportPages(shown).filter { files.contains($0.file) }
            return Result { try single.render(pages, to: output, templatesDisplayName: options.templatesDisplayName) }
        }
        var problems: [Diagnostic] = []
        for outcome in outcomes {
            if let problem = try outcome.get() { problems.append(problem) }
        }
        return problems
    }

    /// Reads, analyses and links every report, applies the policy, and only when no error is left renders every page
    /// into the output (memory for tests). A failed build hands no page to the output.
    public func build(to output: some OutputSink) throws -> Outcome {
        let prepared: Prepared
        switch prepare() {
        case .failure(let failed): return failed.outcome
        case .success(let ready): prepared = ready
        }
        let registry = SitePages(site: prepared.site, templates: prepared.templates, reportsWithPDF: options.reportsWithPDF)
        let files = registry.all().map(\.file)
        let problems = try render(Set(files), of: prepared, registry: registry, to: output)
        guard problems.isEmpty else { return FailedBuild(diagnostics: (prepared.diagnostics + problems).sortedForDisplay()).outcome }
        return Outcome(diagnostics: prepared.diagnostics, site: prepared.site, filesWritten: files.count, filesRendered: files.count)
    }

    /// Builds into a folder atomically: the previous contents stay exactly as they were unless the whole build succeeds.
    /// With a cache, a file whose page has the inputs it had when the folder's current file was rendered is kept as
    /// it is (linked into the new folder, not written again), and a build that would change nothing leaves the
    /// folder alone. `finishing` runs on the finished staging folder before it is swapped in (the PDF step adds its
    /// files there); when it throws, nothing is published.
    public func build(into directory: URL, finishing: ((_ staging: URL, _ site: Site) throws -> Void)? = nil) throws -> Outcome {
        let prepared: Prepared
        switch prepare() {
        case .failure(let failed): return failed.outcome
        case .success(let ready): prepared = ready
        }
        let current = options.cache.flatMap { cache in cache.manifest(for: directory).map { ($0, AtomicDirectoryOutput.files(in: directory)) } }
        let made = PageRegistry(site: prepared.site, templates: prepared.templates, reportsWithPDF: options.reportsWithPDF,
                                previous: current?.0.files.mapValues(\.page) ?? [:])
        let (registry, pages, fingerprints) = (made.pages, made.all, made.fingerprints)
        let kept = Set(zip(pages, fingerprints).compactMap { page, fingerprint -> String? in
            guard let (manifest, files) = current, let was = manifest.files[page.file], was.page == fingerprint,
                  files[page.file]?.isSameFile(as: was.status) == true else { return nil }
            return page.file
        })
        if finishing == nil, kept.count == pages.count, current?.1.count == pages.count {
            return Outcome(diagnostics: prepared.diagnostics, site: prepared.site, filesWritten: pages.count, filesRendered: 0)
        }
        let output = try AtomicDirectoryOutput(destination: directory)
        do {
            let linked = Set(kept.filter(output.keep))
            let stale = Set(pages.map(\.file)).subtracting(linked)
            let problems = try render(stale, of: prepared, registry: registry, to: output)
            guard problems.isEmpty else {
                output.discard()
                return FailedBuild(diagnostics: (prepared.diagnostics + problems).sortedForDisplay()).outcome
            }
            try finishing?(output.staging, prepared.site)
            let written = zip(pages, fingerprints).compactMap { page, fingerprint in
                output.status(of: page.file).map { (page.file, BuildCache.OutputManifest.File(page: fingerprint, status: $0)) }
            }
            try output.commit()
            if let cache = options.cache {
                cache.store(.init(tool: cache.tool, output: directory.standardizedFileURL.path,
                                  files: Dictionary(written, uniquingKeysWith: { first, _ in first })), for: directory)
            }
            return Outcome(diagnostics: prepared.diagnostics, site: prepared.site, filesWritten: pages.count, filesRendered: stale.count)
        } catch {
            output.discard()
            throw error
        }
    }
}
