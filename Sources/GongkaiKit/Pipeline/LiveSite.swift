import Foundation

/// The preview's site: built into memory, rebuilt after every change to the sources, re-reading only the reports
/// that changed and re-rendering only the pages a change affects. When the sources break, the last good site stays
/// and the diagnostics are kept for the page overlay.
public final class LiveSite: @unchecked Sendable {
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
    }

    private let options: Builder.Options
    private let cache = ReportCache()
    private let lock = NSLock()
    private var current = Snapshot(files: [:], etags: [:], diagnostics: [], version: 0)
    private var lastSite: Site?
    /// The templates as last loaded, with what loading them said: reused while no file under the templates folder changes.
    private var lastTemplates: (set: TemplateSet?, diagnostics: [Diagnostic])?

    public init(options: Builder.Options) {
        self.options = options
    }

    public var snapshot: Snapshot { lock.withLock { current } }

    /// Rebuilds after `changed` files (absolute paths); nil rebuilds everything. Call from one thread at a time.
    @discardableResult
    public func rebuild(changed: [URL]? = nil) -> Update {
        let clock = ContinuousClock()
        let started = clock.now
        let loaded = ContentLoader(contentDirectory: options.contentDirectory, displayName: options.contentDisplayName,
                                   includeDrafts: options.includeDrafts, cache: cache).load()
        let (templates, templateDiagnostics) = loadTemplates(unlessUnchangedBy: changed)
        var diagnostics = options.policy.apply(loaded.diagnostics + templateDiagnostics).sortedForDisplay()
        let failed = { [self] (diagnostics: [Diagnostic]) -> Update in
            lock.withLock {
                current = Snapshot(files: current.files, etags: current.etags, diagnostics: diagnostics, version: current.version + 1)
            }
            return Update(succeeded: false, filesRendered: 0, fullRebuild: false, duration: clock.now - started)
        }
        guard let site = loaded.site, let templates, !diagnostics.hasErrors else { return failed(diagnostics) }
        let previous = lock.withLock { (lastSite, current) }
        let selection = previous.0.flatMap { affected(by: changed, in: site, comparedWith: $0) } ?? .everything
        let output = MemoryOutput()
        let rendered: Int
        do {
            rendered = try SiteRenderer(site: site, templates: templates, reportsWithPDF: options.reportsWithPDF)
                .render(to: output, selection: selection)
        } catch {
            // Nothing of a failed render is served: the last good site stays, with what went wrong in the overlay.
            let failure = (error as? RenderFailure)?.diagnostic(templatesDisplayName: options.templatesDisplayName)
                ?? .error("render.failed", at: SourceLocation(file: options.templatesDisplayName, line: 1, column: 1),
                          "the site could not be rendered: \(error.localizedDescription)" | "无法生成网站：\(error.localizedDescription)")
            diagnostics = (diagnostics + [failure]).sortedForDisplay()
            return failed(diagnostics)
        }
        var files = selection == .everything ? [:] : previous.1.files
        var etags = selection == .everything ? [:] : previous.1.etags
        for (path, data) in output.files {
            files[path] = data
            etags[path] = "\"" + Fingerprint.hex(Fingerprint.of(data)) + "\""
        }
        lock.withLock {
            lastSite = site
            current = Snapshot(files: files, etags: etags, diagnostics: diagnostics, version: current.version + 1)
        }
        return Update(succeeded: true, filesRendered: rendered, fullRebuild: selection == .everything, duration: clock.now - started)
    }

    /// The templates, parsed again only when a file under their folder is among the changes (or changes are unknown).
    private func loadTemplates(unlessUnchangedBy changed: [URL]?) -> (TemplateSet?, [Diagnostic]) {
        let folder = options.templatesDirectory.standardizedFileURL.path + "/"
        if let changed, let last = lastTemplates, !changed.contains(where: { $0.standardizedFileURL.path.hasPrefix(folder) }) {
            return last
        }
        var diagnostics: [Diagnostic] = []
        let templates = TemplateSet.load(from: options.templatesDirectory, displayName: options.templatesDisplayName, into: &diagnostics)
        lastTemplates = (templates, diagnostics)
        return (templates, diagnostics)
    }

    /// The pages a change touches, or nil when only a full rebuild is safe: a template or asset, the schema, the
    /// portal or an unknown file changed, or reports came or went. A report's change re-renders its own pages, its
    /// department's page and the shared pages, which list reports: which of a report's fields those pages show is up
    /// to the templates, so none of them is assumed unchanged.
    func affected(by changed: [URL]?, in site: Site, comparedWith previous: Site) -> RenderSelection? {
        guard let changed, !changed.isEmpty,
              site.reports.map(\.sitePath) == previous.reports.map(\.sitePath),
              site.orgs.map(\.slug) == previous.orgs.map(\.slug) else { return nil }
        let content = options.contentDirectory.standardizedFileURL.path + "/"
        var reports = Set<String>(), orgs = Set<String>()
        for url in changed {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(content) else { return nil }
            // Editors and tools write a temporary file and rename it over the source: the temporary one is gone by
            // now. A source that is gone shows up as a report or department missing from the site. (Outside the
            // content folder a file that is gone is a deleted template or asset: the guard above rebuilds all.)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let parts = path.dropFirst(content.count).split(separator: "/").map(String.init)
            guard parts.count == 3, parts[0] == "orgs" else { return nil }
            let org = parts[1]
            if parts[2] == "org.yaml" {
                reports.formUnion(site.reports(of: org).map(\.sitePath))
            } else if parts[2].hasSuffix(".md"), let year = Int(parts[2].dropLast(3)) {
                reports.insert("\(org)/\(year)/")
            } else {
                return nil
            }
            orgs.insert(org)
        }
        return RenderSelection(reports: .only(reports), orgs: .only(orgs), sharedPages: !orgs.isEmpty)
    }
}
