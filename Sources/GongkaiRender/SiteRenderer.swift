import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The render and write stages: renders the pages the registry (`SitePages`) declares and hands them to an output.
public struct SiteRenderer: Sendable {
    package let site: Site
    package let templates: TemplateSet
    /// The reports whose PDF is published with the site; their pages link to it.
    package let reportsWithPDF: ReportSelection
    /// Render pages on every core.
    package let parallel: Bool

    public init(site: Site, templates: TemplateSet, reportsWithPDF: ReportSelection = .none, parallel: Bool = true) {
        self.parallel = parallel
        self.site = site
        self.templates = templates
        self.reportsWithPDF = reportsWithPDF
    }

    /// Every file of the site, in a stable order.
    package func pages() -> [Page] {
        SitePages(site: site, templates: templates, reportsWithPDF: reportsWithPDF).all()
    }

    /// Renders every page into the output; returns the number of files written.
    @discardableResult
    public func render(to output: some OutputSink) throws -> Int {
        try render(pages(), to: output)
    }

    /// Renders the pages given, each on any core, and writes them; the first failure (in the pages' order) is thrown
    /// once all are done. They are taken last first: the registry lists the portal-wide pages and data files last, the
    /// largest of all (every figure of every report), and one of them taken at the end kept a core busy alone.
    package func render(_ pages: [Page], to output: some OutputSink) throws -> Int {
        let failures = ParallelMap.map(pages.reversed(), parallel: parallel) { page -> Error? in
            do {
                switch try page.content() {
                case .text(let text): try output.write(text, to: page.file)
                case .data(let data): try output.write(data, to: page.file)
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).last { throw failure }
        return pages.count
    }

    /// Renders the pages; a page that cannot be rendered comes back as the diagnostic that says why. I/O failures
    /// (a file that cannot be read or written) are thrown.
    package func render(_ pages: [Page], to output: some OutputSink, templatesDisplayName: String) throws -> Diagnostic? {
        do {
            _ = try render(pages, to: output)
            return nil
        } catch let failure as RenderFailure {
            return failure.diagnostic(templatesDisplayName: templatesDisplayName)
        }
    }

    /// What the page's inputs were: the same fingerprint means the same bytes.
    package func fingerprint(of page: Page) -> UInt64 {
        Fingerprint.combining([Fingerprint.of([page.kind.rawValue, page.file])] + page.inputs.map(fingerprint))
    }

    private func fingerprint(of input: PageInput) -> UInt64 {
        switch input {
        case .site(let input): return site.fingerprint(of: input)
        case .template(let name): return templates.fingerprint(ofTemplate: name)
        case .asset(let path): return templates.assets.first { $0.sitePath == path }?.fingerprint ?? 0
        case .pdf(let path): return reportsWithPDF.includes(path) ? 1 : 2
        }
    }
}
