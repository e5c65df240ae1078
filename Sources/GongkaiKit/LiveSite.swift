import Foundation
import GongkaiAnalysis
import GongkaiBase
import GongkaiModel
import GongkaiOutput
import GongkaiRender
import GongkaiSyntax
import Synchronization

/// The preview's site: built into memory and rebuilt after every change to the sources. Reports whose files did not
/// change are not read again (`ReportCache`), and only the pages whose declared inputs (`PageInput`) changed are
/// rendered again: what a page depends on is worked out from the registry, never from which files changed. When
/// the sources break, the last good site stays and the diagnostics are kept for the page overlay.
public final class LiveSite: Sendable {
    /// What the server serves: the last good files, and what the latest build said.
    public struct Snapshot: Sendable {
        public let files: [String: Data]
        public let etags: [String: String]
        /// The latest build's diagnostics; with errors among them, `files` are from the build before.
        public let diagnostics: [Diagnostic]
        /// Raised after every rebuild, so pages can tell they are stale.
        public let version: Int

        public var isBroken: Bool { diagnostics.hasErrors }
    }

    public struct Update: Sendable {
        public let succeeded: Bool
        /// Files rendered; every page on a full rebuild.
        public let filesRendered: Int
        public let fullRebuild: Bool
        public let duration: Duration
        /// With `deferringSearchIndex`, what is left to do: render the search index files, which the snapshot then
        /// serves. Run it after announcing the reload, before the next rebuild; nil when nothing is left.
        public let finish: (@Sendable () -> Void)?
    }

    private let options: Builder.Options
    /// Reports read, kept across rebuilds; the first build takes those an earlier build or preview left in the build
    /// cache.
    private let cache: ReportCache
    private let current = Mutex(Snapshot(files: [:], etags: [:], diagnostics: [], version: 0))

    /// What a rebuild leaves for the next one.
    private struct Memory: Sendable {
        /// Each served file's page fingerprint when it was rendered.
        package var rendered: [String: UInt64] = [:]
        /// The templates as last loaded, with what loading them said: reused while no file under the templates
        /// folder changes.
        package var templates: (set: TemplateSet?, diagnostics: [Diagnostic])?
    }

    private let memory = Mutex(Memory())

    public init(options: Builder.Options) {
        self.options = options
        cache = ReportCache(store: options.cache)
    }

    public var snapshot: Snapshot { current.withLock { $0 } }

    /// Rebuilds after `changed` files (absolute paths); nil when they are not known. Call from one thread at a time.
    /// - Parameter deferringSearchIndex: leave the search index files (which every text edit changes, and which take
    ///   most of a large portal's rebuild) to `Update.finish`, so the page edited reloads at once; until then the
    ///   preview serves the index as it was. The first build renders them at once.
    @discardableResult
    public func rebuild(changed: [URL]? = nil, deferringSearchIndex: Bool = false) -> Update {
        let clock = ContinuousClock()
        let started = clock.now
        let loaded = ContentLoader(contentDirectory: options.contentDirectory, displayName: options.contentDisplayName,
                                   includeDrafts: options.includeDrafts, cache: cache).load()
        let (templates, templateDiagnostics) = loadTemplates(unlessUnchangedBy: changed)
        var diagnostics = Builder(options: options).engine(loaded).finish(loaded.diagnostics + templateDiagnostics
                                                                  + Builder.fieldDiagnostics(templates, loaded.site))
        let failed = { [self] (diagnostics: [Diagnostic]) -> Update in
            current.withLock {
                $0 = Snapshot(files: $0.files, etags: $0.etags, diagnostics: diagnostics, version: $0.version + 1)
            }
            return Update(succeeded: false, filesRendered: 0, fullRebuild: false, duration: clock.now - started, finish: nil)
        }
        guard let site = loaded.site, let templates, !diagnostics.hasErrors else { return failed(diagnostics) }

        let renderer = SiteRenderer(site: site, templates: templates, reportsWithPDF: options.reportsWithPDF)
        let rendered = memory.withLock { $0.rendered }
        let defers = deferringSearchIndex && !rendered.isEmpty
        let registry = PageRegistry(site: site, templates: templates, reportsWithPDF: options.reportsWithPDF, previous: rendered,
                                    keepingSearchLayout: defers)
        let (pages, fingerprints) = (registry.all, registry.fingerprints)
        let differing = pages.indices.filter { rendered[pages[$0].file] != fingerprints[$0] }.map { pages[$0] }
        let isDeferred = { (page: Page) in defers && SearchIndex.isIndexFile(page.file) }
        let stale = differing.filter { !isDeferred($0) }
        let indexChanged = differing.contains(where: isDeferred)
        let output = MemoryOutput()
        // Nothing of a failed render is served: the last good site stays, with what went wrong in the overlay.
        let failure: Diagnostic?
        do {
            failure = try renderer.render(stale, to: output, templatesDisplayName: options.templatesDisplayName)
        } catch {
            failure = .error("render.failed", at: SourceLocation(file: options.templatesDisplayName, line: 1, column: 1),
                             "the site could not be rendered: \(error.localizedDescription)" | "无法生成网站：\(error.localizedDescription)")
        }
        if let failure {
            diagnostics = (diagnostics + [failure]).sortedForDisplay()
            return failed(diagnostics)
        }
        // The site is the pages the registry has now: a page that went (a report deleted) is no longer served.
        let previous = snapshot
        var files: [String: Data] = [:], etags: [String: String] = [:]
        var nowRendered: [String: UInt64] = [:]
        for (page, fingerprint) in zip(pages, fingerprints) {
            // A deferred file keeps the fingerprint it was rendered with, so it counts as changed until it is rendered.
            nowRendered[page.file] = isDeferred(page) ? rendered[page.file] : fingerprint
            if let data = output.files[page.file] {
                files[page.file] = data
                etags[page.file] = Self.etag(of: data)
            } else {
                files[page.file] = previous.files[page.file]
                etags[page.file] = previous.etags[page.file]
            }
        }
        memory.withLock { $0.rendered = nowRendered }
        current.withLock {
            $0 = Snapshot(files: files, etags: etags, diagnostics: diagnostics, version: $0.version + 1)
        }
        let reportsWithPDF = options.reportsWithPDF
        let finish: (@Sendable () -> Void)? = !indexChanged ? nil : { @Sendable [self, site, templates, renderer] in
            renderSearchIndex(of: SitePages(site: site, templates: templates, reportsWithPDF: reportsWithPDF), with: renderer)
        }
        return Update(succeeded: true, filesRendered: stale.count, fullRebuild: stale.count == pages.count, duration: clock.now - started,
                      finish: finish)
    }

    /// Renders the search index files a rebuild left for later, from an index made now, and serves them in place of
    /// the index files served so far (their layout may have changed); on a failure the files served stay as they were.
    private func renderSearchIndex(of registry: SitePages, with renderer: SiteRenderer) {
        let pages = registry.all().filter { SearchIndex.isIndexFile($0.file) }
        let output = MemoryOutput()
        guard case .some(.none) = try? renderer.render(pages, to: output, templatesDisplayName: options.templatesDisplayName) else { return }
        current.withLock { snapshot in
            var files = snapshot.files.filter { !SearchIndex.isIndexFile($0.key) }, etags = snapshot.etags.filter { !SearchIndex.isIndexFile($0.key) }
            for (file, data) in output.files {
                files[file] = data
                etags[file] = Self.etag(of: data)
            }
            snapshot = Snapshot(files: files, etags: etags, diagnostics: snapshot.diagnostics, version: snapshot.version)
        }
        memory.withLock { memory in
            memory.rendered = memory.rendered.filter { !SearchIndex.isIndexFile($0.key) }
            for page in pages { memory.rendered[page.file] = renderer.fingerprint(of: page) }
        }
    }

    private static func etag(of data: Data) -> String { "\"" + Fingerprint.hex(Fingerprint.of(data)) + "\"" }

    /// The templates, parsed again only when a file under their folder is among the changes (or changes are unknown).
    private func loadTemplates(unlessUnchangedBy changed: [URL]?) -> (TemplateSet?, [Diagnostic]) {
        let folder = options.templatesDirectory.standardizedFileURL.path + "/"
        if let changed, let last = memory.withLock({ $0.templates }),
           !changed.contains(where: { $0.standardizedFileURL.path.hasPrefix(folder) }) {
            return last
        }
        var diagnostics: [Diagnostic] = []
        let templates = TemplateSet.load(from: options.templatesDirectory, displayName: options.templatesDisplayName, into: &diagnostics)
        memory.withLock { $0.templates = (templates, diagnostics) }
        return (templates, diagnostics)
    }
}
