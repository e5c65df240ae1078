import Foundation
import GongkaiAnalysis
import GongkaiBase
import GongkaiModel
import GongkaiOutput
import GongkaiRender
import GongkaiSyntax

/// The read, analyse and link stages: reads `Content/` into a `Site` — each report read and analysed on every core,
/// then what only shows across reports linked — collecting every diagnostic on the way.
public struct ContentLoader: Sendable {
    public let contentDirectory: URL
    /// How the content folder is named in diagnostics (`Content`), so paths read as the user typed them.
    public let displayName: String
    /// Drafts are read for the preview only; a build never publishes them.
    public let includeDrafts: Bool
    /// Reports read before, reused when neither they nor what their reading depends on changed.
    public let cache: ReportCache?

    /// Read reports on every core.
    public let parallel: Bool
    /// Whether each report's body HTML is made for its pages; a check needs only what the analysis finds.
    public let rendersBodies: Bool
    /// How much body HTML a build keeps in memory while it reads; past that, bodies stored in the build cache are
    /// let go and read back a report at a time when their pages are rendered.
    private let bodyBudget: ByteBudget
    /// A 500-report portal's bodies (80 MB) all stay; a portal of thousands of reports does not hold them all at once.
    package static let bodyMemory = 128 << 20
    /// The content folder's path, worked out once: building a `URL` per file cost more than the files' stat calls.
    private let contentPath: String

    public init(contentDirectory: URL, displayName: String? = nil, includeDrafts: Bool = false, cache: ReportCache? = nil,
                parallel: Bool = true, rendersBodies: Bool = true, bodyMemory: Int? = nil) {
        bodyBudget = ByteBudget(bytes: bodyMemory ?? Self.bodyMemory)
        self.parallel = parallel
        self.rendersBodies = rendersBodies
        self.contentDirectory = contentDirectory
        self.contentPath = contentDirectory.path
        self.displayName = displayName ?? contentDirectory.path
        self.includeDrafts = includeDrafts
        self.cache = cache
    }

    public struct Result: Sendable {
        /// Nil when an error left nothing coherent to render.
        public let site: Site?
        public let diagnostics: [Diagnostic]
        /// What was found to read, whether or not it read cleanly: department folders and report files.
        public var orgCount = 0
        public var reportCount = 0
        /// The reports, by site path, whose body the build cache kept on disk (`withBodies(of:in:)` loads them).
        package var deferredBodies: [String: DeferredBody] = [:]
        /// schema.yaml's levels of warnings and notes (`severity:`).
        package var severities: [String: DiagnosticPolicy.Level] = [:]
    }

    /// Where a report's body is kept: its file and the fingerprint it was read with.
    package struct DeferredBody: Sendable {
        package let file: String
        package let fingerprint: UInt64
        /// What the fingerprint started from (`context` in `load`), to check the file against it.
        package let context: UInt64
    }

    /// The portal-wide document catalogue, beside schema.yaml.
    static let catalogueFile = "documents.yaml"

    public func load() -> Result {
        var diagnostics: [Diagnostic] = []
        // What each source was, for the pages that read it (`SiteInput`).
        var fingerprints: [SiteInput: UInt64] = [:]
        let schema = readYAML("schema.yaml", as: .schema, into: &diagnostics, &fingerprints).flatMap { Schema.read($0, into: &diagnostics) }
        let portalNode = readYAML("portal.yaml", as: .portal, into: &diagnostics, &fingerprints)
        let portal = schema.flatMap { schema in portalNode.flatMap { Portal.read($0, schema: schema.portal, into: &diagnostics) } }
        guard let portal, let schema else { return Result(site: nil, diagnostics: diagnostics.sortedForDisplay()) }

        var orgs: [Org] = [], reports: [Report] = []
        // documents.yaml is optional: a portal without shared documents has none.
        let catalogue = FileStatus(path: path(Self.catalogueFile)) == nil ? DocumentCatalogue.empty
            : readYAML(Self.catalogueFile, as: .catalogue, into: &diagnostics, &fingerprints)
                .map { DocumentCatalogue.read($0, schema: schema, into: &diagnostics) } ?? .empty
        let reader = ReportReader(schema: schema, allowsRawHTML: portal.allowsRawHTML, catalogue: catalogue)
        // A report's reading depends on its bytes, the schema, the catalogue, the portal (raw_html) and how the folder
        // is named in diagnostics: all go into its key.
        let context = Fingerprint.combining([fingerprints[.schema] ?? 0, fingerprints[.portal] ?? 0, fingerprints[.catalogue] ?? 0,
                                             Fingerprint.of([displayName])])
        checkOrgsFolder(into: &diagnostics)
        var jobs: [(relative: String, org: Org, year: Int)] = []
        let orgFolders = subfolders(of: "orgs", into: &diagnostics)
        for slug in orgFolders {
            let folder = "orgs/\(slug)"
            guard let orgNode = readYAML("\(folder)/org.yaml", as: .org(slug), into: &diagnostics, &fingerprints),
                  let org = Org.read(orgNode, slug: slug, schema: schema.org, into: &diagnostics) else { continue }
            orgs.append(org)
            for name in files(in: folder, into: &diagnostics) where name != "org.yaml" {
                let relative = "\(folder)/\(name)"
                guard name.hasSuffix(".md"), let year = Int(name.dropLast(3)), (1900...2999).contains(year) else {
                    diagnostics.append(.warning("content.unexpected-file", at: location(relative),
                                                "this file is not a report and is ignored" | "此文件不是报告，已忽略",
                                                hint: "reports are named by their year: 2023.md" | "报告文件以年度命名，如 2023.md"))
                    continue
                }
                jobs.append((relative, org, year))
            }
        }
        // Reports are read on every core; only cmark-gfm's parse itself is one at a time (see MarkdownParser).
        let results = ParallelMap.map(jobs, parallel: parallel) { job in
            var found: [Diagnostic] = []
            let (report, fingerprint, deferred) = readReport(job.relative, org: job.org.slug, year: job.year, reader: reader,
                                                             context: context, into: &found)
            return (report, fingerprint, deferred, job.relative, found)
        }
        var deferredBodies: [String: DeferredBody] = [:]
        for (report, fingerprint, deferred, file, found) in results {
            diagnostics += found
            if let report, report.status == .published || includeDrafts {
                reports.append(report)
                fingerprints[.report(report.sitePath)] = fingerprint
                if deferred { deferredBodies[report.sitePath] = DeferredBody(file: file, fingerprint: fingerprint, context: context) }
            }
        }
        if rendersBodies { cache?.store?.prune(folder: contentPath, keeping: jobs.map(\.relative)) }
        reports.sort { ($0.org, $0.year) < ($1.org, $1.year) }
        // Folders are read in name order (so diagnostics come in a stable order); the portal lists departments in
        // its own.
        orgs.sort(by: Org.precedes)
        // Link: what only shows across reports.
        let linked = SiteLinker.link(reports, orgs: orgs.map(\.slug), catalogue: catalogue, plansAcrossDepartments: schema.plansAcrossDepartments)
        diagnostics += linked.diagnostics
        let site = diagnostics.hasErrors ? nil : Site(portal: portal, schema: schema, orgs: orgs, reports: reports,
                                                             links: linked.links, catalogue: catalogue, inputFingerprints: fingerprints)
        return Result(site: site, diagnostics: diagnostics.sortedForDisplay(), orgCount: orgFolders.count, reportCount: jobs.count,
                      deferredBodies: deferredBodies, severities: schema.severities)
    }

    /// The body of a report the build cache left on disk. A body that is gone or damaged is made again from its
    /// file (and stored again); a file that no longer has the bytes the site was built from (saved during the build)
    /// is an error, so the build stops instead of mixing versions.
    package func body(of report: Report, in site: Site, kept: DeferredBody, into diagnostics: inout [Diagnostic]) -> BodyHTML? {
        if let body = cache?.body(folder: contentPath, file: kept.file, fingerprint: kept.fingerprint) { return body }
        var found: [Diagnostic] = []
        let reader = ReportReader(schema: site.schema, allowsRawHTML: site.portal.allowsRawHTML, catalogue: site.catalogue)
        guard let data = FileManager.default.contents(atPath: path(kept.file)),
              Fingerprint.of(data, startingWith: kept.context) == kept.fingerprint,
              let stored = analyse(data, file: kept.file, org: report.org, year: report.year, reader: reader, withBody: true, into: &found)
        else {
            diagnostics.append(.error("source.changed-during-build", at: location(kept.file),
                                      "this file changed while the site was being built" | "生成网站期间此文件被修改",
                                      hint: "build again" | "请重新生成"))
            return nil
        }
        // The damaged entry is replaced, so the next build finds it whole.
        cache?.store(.init(fingerprint: kept.fingerprint, stamp: settledStamp(kept.file), context: kept.context, report: stored, diagnostics: found),
                     folder: contentPath, file: kept.file, persist: true)
        return stored.body
    }

    /// The report, the fingerprint of its bytes and of what its reading depends on, and whether its body was left
    /// in the build cache.
    private func readReport(_ relative: String, org: String, year: Int, reader: ReportReader, context: UInt64,
                            into diagnostics: inout [Diagnostic]) -> (Report?, UInt64, Bool) {
        let stamp = cache == nil ? nil : settledStamp(relative)
        if let unchanged = cache?.entry(folder: contentPath, file: relative, stamp: stamp, context: context, needsBody: rendersBodies) {
            diagnostics += unchanged.diagnostics
            return (unchanged.report, unchanged.fingerprint, unchanged.bodyDeferred)
        }
        guard let data = FileManager.default.contents(atPath: path(relative)) else {
            diagnostics.append(.error("source.unreadable", at: location(relative), "cannot read this file" | "无法读取此文件"))
            return (nil, 0, false)
        }
        let fingerprint = Fingerprint.of(data, startingWith: context)
        if var cached = cache?.entry(folder: contentPath, file: relative, fingerprint: fingerprint, needsBody: rendersBodies) {
            // Touched but not changed: remember the new stamp so the next rebuild need not read it.
            cached = .init(fingerprint: fingerprint, stamp: stamp, context: context, report: cached.report,
                           diagnostics: cached.diagnostics, bodyDeferred: cached.bodyDeferred)
            cache?.store(cached, folder: contentPath, file: relative, persist: rendersBodies && stamp != nil)
            diagnostics += cached.diagnostics
            return (cached.report, fingerprint, cached.bodyDeferred)
        }
        var found: [Diagnostic] = []
        let report = analyse(data, file: relative, org: org, year: year, reader: reader, withBody: rendersBodies, into: &found)
        // A check reads no bodies: what it read is not stored for builds to use.
        let entry = ReportCache.Entry(fingerprint: fingerprint, stamp: stamp, context: context, report: report, diagnostics: found)
        let stored = cache?.store(entry, folder: contentPath, file: relative, persist: rendersBodies) ?? false
        diagnostics += found
        // Past the budget, a body stored in the build cache is let go and read back when its pages are rendered.
        if stored, cache?.defersBodies == true, var report, !bodyBudget.take(report.body.byteCount) {
            report.body = .empty
            return (report, fingerprint, true)
        }
        return (report, fingerprint, false)
    }

    /// The report in the file's bytes, read and analysed, with its body's HTML when `withBody`. The tree goes once
    /// its HTML is made: the model keeps the HTML, several times smaller.
    private func analyse(_ data: Data, file relative: String, org: String, year: Int, reader: ReportReader, withBody: Bool,
                         into found: inout [Diagnostic]) -> Report? {
        SourceReader.decode(data, displayPath: display(relative), into: &found)
            .flatMap { reader.read($0, orgFolder: org, fileYear: year, into: &found) }
            .map { read in
                var report = read.report
                if withBody {
                    var renderer = HTMLRenderer(allowsRawHTML: reader.allowsRawHTML)
                    report.body = renderer.renderBody(read.tree)
                }
                return report
            }
    }

    /// The file's stamp, if it is old enough to stand for its bytes (`FileStatus.isSettled`).
    private func settledStamp(_ relative: String) -> FileStatus? {
        FileStatus(path: path(relative), followingLinks: true).flatMap { $0.isSettled ? $0 : nil }
    }

    private func path(_ relative: String) -> String { contentPath + "/" + relative }
    private func display(_ relative: String) -> String { "\(displayName)/\(relative)" }
    private func location(_ relative: String) -> SourceLocation { SourceLocation(file: display(relative), line: 1, column: 1) }

    /// The file's YAML, its fingerprint recorded as `input`.
    private func readYAML(_ relative: String, as input: SiteInput, into diagnostics: inout [Diagnostic],
                          _ fingerprints: inout [SiteInput: UInt64]) -> YAMLNode? {
        guard !isRefusedLink(relative, status: FileStatus(path: path(relative)), into: &diagnostics) else { return nil }
        guard let stamp = FileStatus(path: path(relative), followingLinks: true) else {
            diagnostics.append(.error("content.missing-file", at: location(relative), "this file is missing" | "缺少此文件"))
            return nil
        }
        if stamp.isSettled, let cached = cache?.yamlEntry(for: relative, stamp: stamp) {
            diagnostics += cached.diagnostics
            fingerprints[input] = cached.fingerprint
            return cached.node
        }
        var found: [Diagnostic] = []
        let file = SourceReader.read(URL(fileURLWithPath: path(relative)), displayPath: display(relative), into: &found)
        let node = file.flatMap { YAMLReader.read($0.text, in: $0, firstLine: 1, into: &found) }
        let fingerprint = Fingerprint.of(file.map { [$0.text] } ?? [])
        cache?.store(.init(stamp: stamp, node: node, fingerprint: fingerprint, diagnostics: found), for: relative)
        diagnostics += found
        fingerprints[input] = fingerprint
        return node
    }

    /// Entries of a folder in a stable order, so output never depends on the file system's order, each with what it
    /// is (a link as what it leads to). A symbolic link that leads outside the content folder is refused: a build must
    /// not publish files from elsewhere on the machine.
    private func entries(of relative: String, into diagnostics: inout [Diagnostic]) -> [(name: String, kind: FileStatus.Kind)] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted()
            .compactMap { name in
                let entry = "\(relative)/\(name)"
                guard let status = FileStatus(path: path(entry)),
                      !isRefusedLink(entry, status: status, into: &diagnostics) else { return nil }
                guard status.kind == .symbolicLink else { return (name, status.kind) }
                // A link leading nowhere stays a file, so reading it reports it.
                return (name, FileStatus(path: path(entry), followingLinks: true)?.kind ?? .other)
            }
    }

    /// Whether the entry is a symbolic link leading outside the content folder, which is reported and not read.
    private func isRefusedLink(_ relative: String, status: FileStatus?, into diagnostics: inout [Diagnostic]) -> Bool {
        guard status?.kind == .symbolicLink else { return false }
        let target = URL(fileURLWithPath: path(relative)).resolvingSymlinksInPath().path
        guard !target.hasPrefix(contentDirectory.resolvingSymlinksInPath().path + "/") else { return false }
        diagnostics.append(.error("source.symlink-outside", at: location(relative),
                                  "this is a symbolic link to \(target), outside the content folder; it is not read"
                                    | "这是指向内容文件夹之外（\(target)）的符号链接，不予读取",
                                  hint: "copy the file into the content folder instead" | "请把文件复制到内容文件夹中"))
        return true
    }

    private func subfolders(of relative: String, into diagnostics: inout [Diagnostic]) -> [String] {
        entries(of: relative, into: &diagnostics).filter { $0.kind == .directory }.map(\.name)
    }

    /// The departments' folders live in `orgs/`; without it a build would publish an empty portal without a word.
    /// A folder of a similar name (`org/`, `Orgs/`) is named in the hint.
    private func checkOrgsFolder(into diagnostics: inout [Diagnostic]) {
        guard FileStatus(path: path("orgs"), followingLinks: true)?.kind != .directory else { return }
        let folders = entries(of: ".", into: &diagnostics).filter { $0.kind == .directory }.map(\.name)
        let near = folders.first { $0.lowercased() == "orgs" } ?? Suggestion.nearest(to: "orgs", in: folders)
        diagnostics.append(.error("content.missing-orgs", at: SourceLocation(file: "\(displayName)/orgs", line: 1, column: 1),
                                  "the content folder has no `orgs/` folder, where each department's folder goes"
                                    | "内容文件夹中缺少 `orgs/` 文件夹（各部门的文件夹放在其中）",
                                  hint: near.map { "rename `\($0)/` to `orgs/`" | "请把 `\($0)/` 改名为 `orgs/`" }
                                    ?? ("create `orgs/NAME/org.yaml` for each department, with its reports beside it as `2023.md`"
                                        | "为每个部门建立 `orgs/部门代号/org.yaml`，报告放在同一文件夹中，如 `2023.md`")))
    }

    private func files(in relative: String, into diagnostics: inout [Diagnostic]) -> [String] {
        entries(of: relative, into: &diagnostics).filter { $0.kind != .directory }.map(\.name)
    }
}
