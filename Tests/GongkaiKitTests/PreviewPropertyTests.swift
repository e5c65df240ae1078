import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// After any sequence of edits — reports, departments, portal, schema, templates, assets; added, changed, deleted,
/// renamed, saved unchanged — the preview's site is byte for byte what a fresh build of the same sources gives,
/// and a build that fails leaves the preview's last good site as it was.
@Suite struct PreviewPropertyTests {
    typealias Random = MutationTests.SplitMix

    /// A portal of three departments and two years each, with figures, documents and plans cited the next year.
    static func portal() throws -> (TestContent, URL) {
        var files: [String: String] = [:]
        for org in ["a", "b", "c"] {
            for year in 2022...2023 { files["orgs/\(org)/\(year).md"] = report(org: org, year: year, variant: 0) }
        }
        let content = try TestContent(files: files)
        let templates = content.directory.appendingPathComponent("../\(content.directory.lastPathComponent)-templates").standardizedFileURL
        try FileManager.default.copyItem(at: Repository.templates, to: templates)
        return (content, templates)
    }

    static func report(org: String, year: Int, variant: Int, title: String = "测试报告") -> String {
        let cites = year > 2022 ? "兑现[去年的安排](plan:\(year - 1)#plan-a)。" : ""
        return """
            ---
            org: \(org)
            year: \(year)
            title: \(title)
            published: \(year + 1)-03-\(String(format: "%02d", 1 + variant % 28))
            documents:
              rules-\(org)-\(year): {title: 管理办法\(org)\(year)-\(variant % 3), issued: \(year)-05-01}
            ---
            ## 工作 {#work}

            讲座 [\(3 + variant) 次](metric:lectures)，依照[《办法》](doc:rules-\(org)-\(year))。\(cites)第\(variant)稿。

            ## 明年 {#plans}
            ### 安排 {#plan-a}

            """
    }

    struct Editor {
        let content: URL
        let templates: URL
        var random: Random
        var variant = 0

        func write(_ text: String, to url: URL) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func orgs() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("orgs").path)) ?? []).sorted()
        }

        func reports(of org: String) -> [Int] {
            ((try? FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("orgs/\(org)").path)) ?? [])
                .compactMap { $0.hasSuffix(".md") ? Int($0.dropLast(3)) : nil }.sorted()
        }

        /// One random edit; returns the paths it touched, as the watcher reports them.
        mutating func edit() throws -> (String, [URL]) {
            variant += 1
            let orgs = orgs()
            let org = orgs.isEmpty ? "a" : orgs[Int.random(in: 0..<orgs.count, using: &random)]
            let years = reports(of: org)
            let year = years.isEmpty ? 2022 : years[Int.random(in: 0..<years.count, using: &random)]
            let reportURL = content.appendingPathComponent("orgs/\(org)/\(year).md")
            let reportExists = FileManager.default.fileExists(atPath: reportURL.path)
            switch Int.random(in: 0..<16, using: &random) {
            case 15:
                // A figure alone: the home page's headlines show it.
                guard reportExists else { return ("nothing", []) }
                let text = try String(contentsOf: reportURL, encoding: .utf8)
                try write(text.replacing(/讲座 \[\d+ 次\]/, with: "讲座 [\(100 + variant) 次]"), to: reportURL)
                return ("report \(org)/\(year) figure only", [reportURL])
            case 14:
                // The text alone: no page that lists the report changes.
                guard reportExists else { return ("nothing", []) }
                try write(try String(contentsOf: reportURL, encoding: .utf8) + "补充说明\(variant)。\n", to: reportURL)
                return ("report \(org)/\(year) text only", [reportURL])
            case 0, 1:
                try write(PreviewPropertyTests.report(org: org, year: year, variant: variant), to: reportURL)
                return ("report \(org)/\(year) text and figures", [reportURL])
            case 2:
                try write(PreviewPropertyTests.report(org: org, year: year, variant: variant, title: "改名报告\(variant)"), to: reportURL)
                return ("report \(org)/\(year) title", [reportURL])
            case 3:
                let next = (years.last ?? 2021) + 1
                let url = content.appendingPathComponent("orgs/\(org)/\(next).md")
                try write(PreviewPropertyTests.report(org: org, year: next, variant: variant), to: url)
                return ("add \(org)/\(next)", [url])
            case 4:
                guard reportExists else { return ("nothing", []) }
                try FileManager.default.removeItem(at: reportURL)
                return ("delete \(org)/\(year)", [reportURL])
            case 5:
                // A rename as editors do it: the new file appears, the old one goes.
                guard reportExists else { return ("nothing", []) }
                let earlier = (years.first ?? 2022) - 1
                let url = content.appendingPathComponent("orgs/\(org)/\(earlier).md")
                try write(PreviewPropertyTests.report(org: org, year: earlier, variant: variant), to: url)
                try FileManager.default.removeItem(at: reportURL)
                return ("rename \(org)/\(year) to \(earlier)", [url, reportURL])
            case 6:
                let url = content.appendingPathComponent("orgs/\(org)/org.yaml")
                try write("name: 改名局\(variant)\nshort_name: 局\(variant)\n", to: url)
                return ("rename department \(org)", [url])
            case 7:
                let new = "n\(variant)"
                let url = content.appendingPathComponent("orgs/\(new)/2023.md")
                try write("name: 新局\(variant)\nshort_name: 新局\n", to: content.appendingPathComponent("orgs/\(new)/org.yaml"))
                try write(PreviewPropertyTests.report(org: new, year: 2022, variant: variant).replacingOccurrences(of: "兑现", with: ""),
                          to: content.appendingPathComponent("orgs/\(new)/2022.md"))
                return ("add department \(new)", [url.deletingLastPathComponent()])
            case 8:
                guard orgs.count > 1 else { return ("nothing", []) }
                let folder = content.appendingPathComponent("orgs/\(org)")
                try FileManager.default.removeItem(at: folder)
                return ("delete department \(org)", [folder])
            case 9:
                let url = content.appendingPathComponent("portal.yaml")
                try write(TestContent.portal.replacingOccurrences(of: "name: 测试门户", with: "name: 测试门户\(variant)"), to: url)
                return ("portal name", [url])
            case 10:
                let url = content.appendingPathComponent("schema.yaml")
                try write(TestContent.schema.replacingOccurrences(of: "label: 法治讲座", with: "label: 法治讲座\(variant)"), to: url)
                return ("metric label", [url])
            case 11:
                let url = templates.appendingPathComponent("footer.mustache")
                let text = try String(contentsOf: url, encoding: .utf8)
                try write(text + "<!-- \(variant) -->\n", to: url)
                return ("template", [url])
            case 12:
                let url = templates.appendingPathComponent("assets/extra-\(variant % 3).css")
                if FileManager.default.fileExists(atPath: url.path), Bool.random(using: &random) {
                    try FileManager.default.removeItem(at: url)
                    return ("delete asset", [url])
                }
                try write("body { margin: \(variant)px }\n", to: url)
                return ("asset", [url])
            default:
                // Saved again without a change.
                let orgFile = reportURL.deletingLastPathComponent().appendingPathComponent("org.yaml")
                guard let data = FileManager.default.contents(atPath: orgFile.path) else { return ("nothing", []) }
                try data.write(to: orgFile)
                return ("touch", [orgFile])
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func thePreviewEqualsAFreshBuildAfterAnyEdits(seed: UInt64) throws {
        let (content, templates) = try Self.portal()
        var options = content.options
        options.templatesDirectory = templates
        // Half the runs keep a build cache, which every rebuild writes and the fresh builds below read.
        if seed % 2 == 0 {
            options.cache = BuildCache(directory: content.directory.appendingPathComponent("../\(content.directory.lastPathComponent)-cache"), tool: "t")
        }
        let preview = LiveSite(options: options)
        #expect(preview.rebuild().succeeded, "\(preview.snapshot.diagnostics)")
        var editor = Editor(content: content.directory, templates: templates, random: Random(state: seed))
        var history: [String] = []
        for _ in 0..<25 {
            let before = preview.snapshot.files
            let (what, changed) = try editor.edit()
            history.append(what)
            let update = preview.rebuild(changed: Bool.random(using: &editor.random) ? changed : nil)
            let fresh = LiveSite(options: options)
            let built = fresh.rebuild()
            if built.succeeded {
                #expect(update.succeeded, "after \(history)")
                #expect(preview.snapshot.files == fresh.snapshot.files,
                        "after \(history): differs in \(Set(preview.snapshot.files.keys).symmetricDifference(fresh.snapshot.files.keys).sorted()) or \(fresh.snapshot.files.keys.filter { preview.snapshot.files[$0] != fresh.snapshot.files[$0] }.sorted())")
            } else {
                #expect(!update.succeeded, "after \(history)")
                #expect(preview.snapshot.files == before, "a failed build changed what the preview serves, after \(history)")
                #expect(preview.snapshot.diagnostics == fresh.snapshot.diagnostics)
            }
        }
    }
}
