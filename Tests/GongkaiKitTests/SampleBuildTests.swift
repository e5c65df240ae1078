import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// Builds the real sample portal (Content/, Templates/) and reads the pages as a reader and a crawler would.
@Suite struct SampleBuildTests {
    static func buildSample() throws -> (Builder.Outcome, MemoryOutput) {
        let output = MemoryOutput()
        let options = Builder.Options(contentDirectory: Repository.content, templatesDirectory: Repository.templates)
        return (try Builder(options: options).build(to: output), output)
    }

    /// Its one warning is the sample's deliberate one: 示例市司法局's 2022 report was published after 1 April.
    @Test func theSampleBuildsWithOnlyItsDeliberateLateReport() throws {
        let (outcome, output) = try Self.buildSample()
        #expect(outcome.located == ["report.late@7:12"], "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.first?.location.file.hasSuffix("Content/orgs/demo-sfj/2022.md") == true)
        for page in ["index.html", "hs-gdb/index.html", "hs-gdb/2023/index.html", "documents/index.html", "404.html",
                     "sitemap.xml", "robots.txt", "feed.xml", "assets/site.css"] {
            #expect(output.files[page] != nil, "missing \(page)")
        }
    }

    /// A check keeps what cross-report checks need of each report, not its Markdown tree: memory stays flat.
    @Test func aCheckKeepsNoReportBodies() throws {
        let checked = Builder(options: Builder.Options(contentDirectory: Repository.content, templatesDirectory: Repository.templates)).check()
        #expect(checked.diagnostics.map(\.id) == ["report.late"])
        let report = try #require(checked.site?.reports.first)
        #expect(report.body == .empty)
        #expect(!report.figures.isEmpty && !report.headings.isEmpty)
    }

    @Test func theReportHoldsEveryFigureOfTheSeedAsData() throws {
        let (_, output) = try Self.buildSample()
        let html = try #require(output.text("hs-gdb/2023/index.html"))
        let figures = html.matches(of: /<data class="figure"(?: id="[^"]+")? value="([^"]+)" data-metric="([^"]+)"( data-qualifier="([^"]+)")?>([^<]+)<\/data>/)
            .map { "\($0.5)=\($0.1)\($0.4.map { "+" + $0 } ?? "")" }
        // Every figure the seed report prints, in its order; 余 is recorded as "more than".
        #expect(figures == [
            "300 余册=300+more-than", "6 次=6", "3 次=3", "5 次=5", "45 个=45", "2 次=2", "3 次=3", "3 次=3",
            "60 余次=60+more-than", "40 余份=40+more-than", "10 余份=10+more-than", "2 件=2", "1 个=1", "4 起=4",
            "2 件=2", "1 件=1", "1 件=1", "4 起=4", "100%=100", "3 项=3", "3 个工作日=3", "2 件=2", "3 件=3", "3 件=3",
            "4 台=4", "10 台=10", "5 台=5", "2 台=2", "2 个=2", "24 个=24", "12 个=12", "100%=100", "100%=100",
            "9 次=9", "1500 余份=1500+more-than",
        ])
    }

    @Test func theReportIsNumberedLikeThePaperAndLinksItsDocuments() throws {
        let (_, output) = try Self.buildSample()
        let html = try #require(output.text("hs-gdb/2023/index.html"))
        let parts = html.matches(of: /<h2 id="[^"]+"><span class="heading-number">([^<]+)<\/span>([^<]+)<\/h2>/).map { "\($0.1)\($0.2)" }
        #expect(parts == ["一、工作开展情况", "二、存在的问题及改进措施", "三、2024 年工作思路"])
        let sections = html.matches(of: /<h3 id="[^"]+"><span class="heading-number">(（[一二三四五]）)<\/span>/).map { String($0.1) }
        #expect(sections.prefix(5) == ["（一）", "（二）", "（三）", "（四）", "（五）"])
        #expect(html.contains(#"<h4 id="study-xi-thought"><span class="heading-number">1.</span>"#))
        for title in ["黄石市城市地下空间开发利用管理办法（试行）", "黄石市国动办包容审慎监管行政执法事项“三张清单”",
                      "2023 年涉企行政执法案卷评查工作方案", "党的二十大文件汇编", "二十大报告学习辅导百问", "习近平法治思想学习纲要"] {
            // The title marks stand outside the link, so its underline does not run under their blank halves.
            #expect(html.contains(#"">\#(title)</a>》"#), "document \(title) is not linked")
        }
        #expect(html.contains(#"<a class="doc-ref" id="ref-underground-space-1" href="../../documents/#doc-underground-space">"#))
        for plan in ["plan-education", "plan-enforcement", "plan-publicity"] {
            #expect(html.contains(#"<h3 id="\#(plan)">"#))
        }
    }

    @Test func theDocumentRegisterListsDatesAndLinksBack() throws {
        let (_, output) = try Self.buildSample()
        let html = try #require(output.text("documents/index.html"))
        #expect(html.contains(#"<li id="doc-underground-space">"#))
        #expect(html.contains("2023年7月12日"))
        #expect(html.contains("2023年9月18日"))
        #expect(html.contains(##"href="../hs-gdb/2023/#ref-underground-space-1""##))
        // Newest first: the lists of September come before the measures of July.
        let september = try #require(html.range(of: "doc-three-lists")), july = try #require(html.range(of: "doc-underground-space"))
        #expect(september.lowerBound < july.lowerBound)
    }

    @Test func everyPageCarriesLandmarksIdentityAndMetaTags() throws {
        let (_, output) = try Self.buildSample()
        for page in ["index.html", "hs-gdb/index.html", "hs-gdb/2023/index.html", "documents/index.html", "404.html"] {
            let html = try #require(output.text(page))
            #expect(html.contains(#"<html lang="zh-CN">"#), "\(page)")
            #expect(html.contains(##"<a class="skip-link" href="#main">"##), "\(page)")
            for landmark in ["<header", "<nav", "<main", "<footer"] { #expect(html.contains(landmark), "\(page) lacks \(landmark)") }
            for meta in ["SiteName", "SiteIDCode", "ColumnName", "ArticleTitle", "ContentSource"] {
                #expect(html.contains(#"<meta name="\#(meta)" content=""#), "\(page) lacks \(meta)")
            }
            #expect(html.contains("主办单位：黄石市委全面依法治市委员会办公室"), "\(page)")
            #expect(html.contains("网站标识码：4202000000"), "\(page)")
            #expect(html.contains(#"<a class="footer-item" href="https://beian.miit.gov.cn/" rel="noopener">鄂ICP备00000000号</a>"#), "\(page)")
            #expect(html.contains("https://beian.mps.gov.cn/#/query/webSearch?code=42020002000000"), "\(page)")
        }
        let report = try #require(output.text("hs-gdb/2023/index.html"))
        #expect(report.contains(#"<meta name="PubDate" content="2024-03-29 00:00">"#))
        // Fields the front matter leaves out are left out of the page, not shown empty.
        #expect(!report.contains("<dt>索引号</dt>"))
        #expect(!report.contains("<dt>成文日期</dt>"))
        #expect(try #require(output.text("index.html")).contains(#"<meta name="PubDate""#) == false)
        #expect(report.contains(#"<meta name="ContentSource" content="黄石市国防动员办公室">"#))
        #expect(report.contains("<dd><time datetime=\"2024-03-29\">2024年3月29日</time></dd>"))
        // 404 is served at any address, so its links are absolute from the base path.
        #expect(try #require(output.text("404.html")).contains(#"<link rel="stylesheet" href="/assets/site.css">"#))
    }

    @Test func theHomePageShowsLatestReportsWithHeadlineFigures() throws {
        let (_, output) = try Self.buildSample()
        let html = try #require(output.text("index.html"))
        #expect(html.contains(#"<a href="hs-gdb/2023/">黄石市国动办2023年法治建设工作总结报告</a>"#))
        #expect(html.contains(#"<dt>党组会专题研究法治建设</dt><dd><data value="5">5 次</data></dd>"#))
        #expect(html.contains(#"<a href="hs-gdb/">黄石市国防动员办公室</a>"#))
    }

    @Test func sitemapFeedAndRobotsUseTheBaseURL() throws {
        let (_, output) = try Self.buildSample()
        let sitemap = try #require(output.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://fzbg.huangshi.example.gov.cn/hs-gdb/2023/</loc><lastmod>2024-03-29</lastmod>"))
        #expect(sitemap.contains("<loc>https://fzbg.huangshi.example.gov.cn/</loc>"))
        let feed = try #require(output.text("feed.xml"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 4)
        #expect(feed.contains("<id>https://fzbg.huangshi.example.gov.cn/hs-gdb/2023/</id>"))
        #expect(feed.contains("<updated>2024-03-29T00:00:00+08:00</updated>"))
        #expect(try #require(output.text("robots.txt")).contains("Sitemap: https://fzbg.huangshi.example.gov.cn/sitemap.xml"))
    }

    @Test func twoBuildsGiveIdenticalBytes() throws {
        let (_, first) = try Self.buildSample()
        let (_, second) = try Self.buildSample()
        #expect(first.files.keys.sorted() == second.files.keys.sorted())
        #expect(first.files == second.files)
    }
}

/// Reports are read and pages rendered on every core; the bytes must not depend on it.
@Suite struct ParallelBuildTests {
    @Test func aParallelBuildIsByteIdenticalToASingleThreadedOne() throws {
        var files: [String: String] = [:]
        for org in ["a", "b", "c"] {
            for year in 2021...2023 {
                files["orgs/\(org)/\(year).md"] = TestContent.report(org: org, year: year, body: """
                    ## 工作 {#work}
                    ### 宣传 {#publicity}
                    讲座 [\(year - 2000) 次](metric:lectures)，资料 [\(year) 余份](metric:copies)，**加粗**与~~删除~~。
                    ## 明年 {#plans}
                    ### 安排 {#plan-a}
                    """)
            }
        }
        let content = try TestContent(files: files)
        var single = content.options
        single.parallel = false
        let sequential = MemoryOutput(), parallel = MemoryOutput()
        #expect(try Builder(options: single).build(to: sequential).succeeded)
        #expect(try Builder(options: content.options).build(to: parallel).succeeded)
        for org in ["a", "b", "c"] {
            #expect(sequential.files["\(org)/index.html"] != nil)
            for year in 2021...2023 { #expect(sequential.files["\(org)/\(year)/print/index.html"] != nil) }
        }
        #expect(sequential.files == parallel.files)
    }
}
