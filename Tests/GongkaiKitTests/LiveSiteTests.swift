import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// The preview's rebuilds: only what a change affects is read and rendered again; broken sources keep the last good site.
@Suite struct LiveSiteTests {
    static func twoDepartments() throws -> (TestContent, LiveSite) {
        let content = try TestContent(files: [
            "orgs/a/2023.md": TestContent.report(org: "a", body: "## 甲 {#work}\n\n讲座 [3 次](metric:lectures)。\n"),
            "orgs/b/2023.md": TestContent.report(org: "b", body: "## 乙 {#work}\n"),
        ])
        let site = LiveSite(options: content.options)
        #expect(site.rebuild().fullRebuild)
        return (content, site)
    }

    @Test func aReportEditRerendersItsPagesItsDepartmentAndTheSharedPagesOnly() throws {
        let (content, site) = try Self.twoDepartments()
        let before = site.snapshot
        let report = content.directory.appendingPathComponent("orgs/a/2023.md")
        try Data(TestContent.report(org: "a", body: "## 甲 {#work}\n\n讲座 [4 次](metric:lectures)。\n").utf8).write(to: report)
        let update = site.rebuild(changed: [report])
        #expect(update.succeeded)
        #expect(!update.fullRebuild)
        let after = site.snapshot
        #expect(after.files.keys.sorted() == before.files.keys.sorted())
        #expect(String(decoding: after.files["a/2023/index.html"]!, as: UTF8.self).contains("4 次"))
        #expect(after.files["b/2023/index.html"] == before.files["b/2023/index.html"])
        #expect(after.version == before.version + 1)
    }

    /// `serve` reloads the edited page before indexing again: until `finish` the index is the one before the edit,
    /// after it the one a full build makes.
    @Test func theSearchIndexCanBeLeftUntilAfterTheReload() throws {
        let (content, site) = try Self.twoDepartments()
        let before = site.snapshot
        let report = content.directory.appendingPathComponent("orgs/a/2023.md")
        try Data(TestContent.report(org: "a", body: "## 甲 {#work}\n\n讲座 [4 次](metric:lectures)，新增内容。\n").utf8).write(to: report)
        let update = site.rebuild(changed: [report], deferringSearchIndex: true)
        #expect(update.succeeded)
        let reloaded = site.snapshot
        #expect(String(decoding: reloaded.files["a/2023/index.html"]!, as: UTF8.self).contains("新增内容"))
        let index = { (files: [String: Data]) in files.filter { SearchIndex.isIndexFile($0.key) } }
        #expect(!index(before.files).isEmpty && index(reloaded.files) == index(before.files))
        let finish = try #require(update.finish)
        finish()
        let finished = site.snapshot
        #expect(index(finished.files) != index(before.files))
        #expect(finished.files == Self.fullBuild(content.options) && finished.version == reloaded.version)
        // Nothing left for the next rebuild to do about the index.
        let next = site.rebuild(changed: [report], deferringSearchIndex: true)
        #expect(next.finish == nil && next.filesRendered == 0)
    }

    @Test func aReportEditLeavesTheOtherDepartmentsReportsAsTheyWere() throws {
        let (content, site) = try Self.twoDepartments()
        let before = site.snapshot
        let report = content.directory.appendingPathComponent("orgs/a/2023.md")
        try Data(TestContent.report(org: "a", body: "## 甲 {#work}\n\n全年讲座 [3 次](metric:lectures)。\n").utf8).write(to: report)
        let update = site.rebuild(changed: [report])
        #expect(!update.fullRebuild)
        // No listing shows a report's text: its page and its print page are all there is to render, and the search
        // index's files (not its page), which hold every report's text.
        let after = site.snapshot
        let index = after.files.keys.filter { $0.hasPrefix(SearchIndex.folder) && $0 != SearchIndex.folder + "index.html" }
        #expect(!index.isEmpty && update.filesRendered == 2 + index.count)
        #expect(String(decoding: after.files["a/2023/index.html"]!, as: UTF8.self).contains("全年讲座"))
        #expect(after.files["b/2023/index.html"] == before.files["b/2023/index.html"])
        #expect(after.files["b/2023/print/index.html"] == before.files["b/2023/print/index.html"])
        #expect(after.files == Self.fullBuild(content.options))
    }

    /// The site a fresh build of the same sources gives, for comparison with the preview's.
    static func fullBuild(_ options: Builder.Options) -> [String: Data] {
        let fresh = LiveSite(options: options)
        fresh.rebuild()
        return fresh.snapshot.files
    }

    static func copiedTemplates(for content: TestContent) throws -> (Builder.Options, URL) {
        let templates = content.directory.appendingPathComponent("../\(content.directory.lastPathComponent)-templates").standardizedFileURL
        try FileManager.default.copyItem(at: Repository.templates, to: templates)
        var options = content.options
        options.templatesDirectory = templates
        return (options, templates)
    }

    @Test func aFieldOnlyATemplateShowsIsRerenderedWhereverItIsShown() throws {
        // A portal's own department page lists each report's 成文日期, which the shipped one does not.
        let schema = TestContent.schema.replacingOccurrences(of: "    published: {type: string, format: date}\n",
                                                             with: "    published: {type: string, format: date}\n    written: {type: string, format: date}\n")
        let content = try TestContent(files: ["orgs/a/2023.md": TestContent.report(org: "a", frontMatter: "written: 2024-02-01\n", body: "## 甲\n")],
                                      schema: schema)
        let (options, templates) = try Self.copiedTemplates(for: content)
        let org = templates.appendingPathComponent("org.mustache")
        let listing = try String(contentsOf: org, encoding: .utf8)
        #expect(listing.contains("{{title}}</a>"))
        try Data(listing.replacingOccurrences(of: "{{title}}</a>", with: "{{title}}</a> 成文于{{written}}").utf8).write(to: org)
        let site = LiveSite(options: options)
        #expect(site.rebuild().succeeded)
        #expect(String(decoding: site.snapshot.files["a/index.html"]!, as: UTF8.self).contains("成文于2024年2月1日"))

        let report = content.directory.appendingPathComponent("orgs/a/2023.md")
        try Data(TestContent.report(org: "a", frontMatter: "written: 2024-02-05\n", body: "## 甲\n").utf8).write(to: report)
        #expect(site.rebuild(changed: [report]).succeeded)
        #expect(String(decoding: site.snapshot.files["a/index.html"]!, as: UTF8.self).contains("成文于2024年2月5日"))
        #expect(site.snapshot.files == Self.fullBuild(options))
    }

    @Test func aDeletedAssetIsNoLongerServed() throws {
        let content = try TestContent(files: ["orgs/a/2023.md": TestContent.report(org: "a", body: "## 甲\n")])
        let (options, templates) = try Self.copiedTemplates(for: content)
        let site = LiveSite(options: options)
        #expect(site.rebuild().succeeded)
        #expect(site.snapshot.files["assets/print.css"] != nil)
        let stylesheet = templates.appendingPathComponent("assets/print.css")
        try FileManager.default.removeItem(at: stylesheet)
        #expect(site.rebuild(changed: [stylesheet]).succeeded)
        #expect(site.snapshot.files["assets/print.css"] == nil)
        #expect(site.snapshot.files == Self.fullBuild(options))
    }

    @Test func aTemplateEditRerendersEveryPageThroughTemplatesAndANewReportItsPagesAndTheListings() throws {
        let (content, _) = try Self.twoDepartments()
        let (options, templates) = try Self.copiedTemplates(for: content)
        let preview = LiveSite(options: options)
        #expect(preview.rebuild().fullRebuild)
        let footer = templates.appendingPathComponent("footer.mustache")
        // Saved without a change: nothing to render.
        #expect(preview.rebuild(changed: [footer]).filesRendered == 0)
        let text = try String(contentsOf: footer, encoding: .utf8)
        try Data((text + "<!-- 改 -->\n").utf8).write(to: footer)
        let edited = preview.rebuild(changed: [footer])
        #expect(edited.succeeded && !edited.fullRebuild)
        for page in ["index.html", "a/index.html", "a/2023/index.html", "documents/index.html", "404.html"] {
            #expect(String(decoding: preview.snapshot.files[page]!, as: UTF8.self).contains("<!-- 改 -->"), "\(page)")
        }
        #expect(preview.snapshot.files == Self.fullBuild(options))

        let added = content.directory.appendingPathComponent("orgs/b/2024.md")
        try Data(TestContent.report(org: "b", year: 2024, body: "## 丙\n").utf8).write(to: added)
        let update = preview.rebuild(changed: [added])
        #expect(update.succeeded && !update.fullRebuild)
        #expect(preview.snapshot.files["b/2024/index.html"] != nil)
        #expect(preview.snapshot.files == Self.fullBuild(options))
    }

    @Test func brokenSourcesKeepTheLastGoodSiteAndTheirDiagnostics() throws {
        let (content, site) = try Self.twoDepartments()
        let good = site.snapshot
        let report = content.directory.appendingPathComponent("orgs/a/2023.md")
        try Data(TestContent.report(org: "a", body: "讲座 [3 次](metric:nope)\n").utf8).write(to: report)
        let update = site.rebuild(changed: [report])
        #expect(!update.succeeded)
        let broken = site.snapshot
        #expect(broken.isBroken)
        #expect(broken.diagnostics.map(\.id) == ["metric.unknown-key"])
        #expect(broken.files == good.files)
    }

    @Test func aDepartmentRenameIsReadAgainThoughItsFileWasCached() throws {
        let (content, site) = try Self.twoDepartments()
        let orgFile = content.directory.appendingPathComponent("orgs/a/org.yaml")
        try Data("name: 改名后的局\nshort_name: 新局\n".utf8).write(to: orgFile)
        let update = site.rebuild(changed: [orgFile])
        #expect(update.succeeded)
        #expect(String(decoding: site.snapshot.files["a/index.html"]!, as: UTF8.self).contains("改名后的局"))
    }

    @Test func templatesAreReusedUntilOneOfThemChanges() throws {
        let content = try TestContent(files: ["orgs/a/2023.md": TestContent.report(org: "a", body: "## 甲\n")])
        let (options, templates) = try Self.copiedTemplates(for: content)
        let site = LiveSite(options: options)
        #expect(site.rebuild().succeeded)
        let footer = templates.appendingPathComponent("footer.mustache")
        try Data("<footer>{{#portal}}</footer>\n".utf8).write(to: footer)
        // A report edit alone does not look at the templates again…
        let report = content.directory.appendingPathComponent("orgs/a/2023.md")
        #expect(site.rebuild(changed: [report]).succeeded)
        // …the template's own change does, and its mistake is reported; the fix is picked up.
        #expect(!site.rebuild(changed: [footer]).succeeded)
        #expect(site.snapshot.diagnostics.map(\.id) == ["template.syntax"])
        try Data("<footer>新页脚</footer>\n".utf8).write(to: footer)
        #expect(site.rebuild(changed: [footer]).succeeded)
        #expect(String(decoding: site.snapshot.files["index.html"]!, as: UTF8.self).contains("新页脚"))
    }
}
