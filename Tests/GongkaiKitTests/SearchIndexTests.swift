import Foundation
import Testing
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiRender

/// Site search's index: the tokenizer the browser's port is checked against, the sections' text as the page shows
/// it, the files the browser reads, and `search: false`.
@Suite struct SearchIndexTests {
    /// The fixture the browser test checks `search.js` against: one file, so the two tokenizers cannot drift apart.
    @Test func theTokenizerGivesTheSharedFixturesTokens() throws {
        let data = try Data(contentsOf: Repository.fixtures.appendingPathComponent("search-tokens.json"))
        let cases = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(cases.count > 10)
        for item in cases {
            let text = try #require(item["text"] as? String), expected = try #require(item["tokens"] as? [String])
            var tokens: [String] = []
            SearchTokenizer.tokens(of: text) { tokens.append($0.text) }
            #expect(tokens == expected, "\(text)")
        }
    }

    @Test func aQueryNeedsThePairsOfItsIdeographsAndItsWords() {
        #expect(SearchTokenizer.queryTokens(of: "行政执法").map(\.text) == ["行政", "政执", "执法"])
        #expect(SearchTokenizer.queryTokens(of: "法").map(\.text) == ["法"])
        #expect(SearchTokenizer.queryTokens(of: "ＩＣＰ备案").map(\.text) == ["icp", "备案"])
        #expect(SearchTokenizer.queryTokens(of: "第9号").map(\.text) == ["第", "9", "号"])
        #expect(SearchTokenizer.queryTokens(of: "“，”").isEmpty)
    }

    static let body = """
        开篇一段。

        ## 工作开展情况 {#work}

        ### 强化执法监督 {#supervision}

        开展行政执法
        案卷评查 [4 次](metric:lectures)，见![图](x.png)<span>原始</span>。

        - 第一项
        - 第二项

        | 项目 | 数量 |
        | --- | --- |
        | 培训 | 3 |

        #### 子项 {#sub}

        子项正文。
        """

    @Test func aSectionsTextIsWhatItsPageShowsUnderItsHeading() throws {
        let content = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: Self.body)])
        let (outcome, output) = try content.build()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        let report = try #require(outcome.site?.reports.first)
        #expect(report.leadText == "开篇一段。")
        let byID = Dictionary(uniqueKeysWithValues: report.headings.map { ($0.id, $0.text) })
        // Chinese lines joined as the page joins them; the figure as written; no image alt text, no raw HTML tags (the
        // words between them are on the page).
        #expect(byID["supervision"] == "开展行政执法案卷评查 4 次，见原始。\n第一项\n第二项\n项目 数量\n培训 3")
        #expect(byID["work"] == "")
        #expect(byID["sub"] == "子项正文。")

        let index = SearchIndex(site: try #require(outcome.site))
        let supervision = try #require(index.entries.first { $0.href == "t/2023/#supervision" })
        #expect(supervision.path == "一、（一）强化执法监督" && supervision.title == "强化执法监督" && supervision.year == 2023)
        let sub = try #require(index.entries.first { $0.href == "t/2023/#sub" })
        #expect(sub.path == "一、（一）1. 子项")
        #expect(output.files["search/index.html"] != nil && output.files["search/index.json"] != nil)
    }

    /// Decodes a shard as the browser does: token → entry → weight.
    static func postings(_ shard: Data) -> [String: [Int: Int]] {
        var result: [String: [Int: Int]] = [:]
        for line in String(decoding: shard, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t")
            var entry = -1, map: [Int: Int] = [:]
            for item in parts[1].split(separator: ",") {
                let fields = item.split(separator: ".")
                entry += Int(fields[0], radix: 36)!
                map[entry] = fields.count > 1 ? Int(fields[1], radix: 36)! : 2
            }
            result[String(parts[0])] = map
        }
        return result
    }

    /// Every token of every entry is in the shard its hash names, with its count and title flag, and no token is
    /// listed for an entry that does not hold it; the files come out the same on every build.
    @Test func theShardsListEveryEntryOfEveryTokenAndOnlyThose() throws {
        let (outcome, output) = try SampleBuildTests.buildSample()
        let site = try #require(outcome.site)
        let index = SearchIndex(site: site)
        let shards = index.shards()
        #expect(shards.count == index.shardCount)
        for (number, bytes) in shards.enumerated() { #expect(output.files[index.shardFile(number)] == bytes) }
        var decoded: [String: [Int: Int]] = [:]
        for shard in shards { decoded.merge(Self.postings(shard)) { first, _ in first } }
        var expected: [String: [Int: Int]] = [:]
        for (number, entry) in index.entries.enumerated() {
            var counts: [String: (count: Int, title: Bool)] = [:]
            SearchTokenizer.tokens(of: entry.title) { counts[$0.text, default: (0, false)] = (counts[$0.text, default: (0, false)].count + 1, true) }
            SearchTokenizer.tokens(of: entry.text) { counts[$0.text, default: (0, false)].count += 1 }
            for (token, count) in counts { expected[token, default: [:]][number] = min(count.count, 31) * 2 + (count.title ? 1 : 0) }
        }
        #expect(decoded == expected)
        for token in decoded.keys.prefix(50) {
            let shard = SearchTokenizer.shard(of: token, shards: index.shardCount)
            #expect(Self.postings(shards[shard])[token] != nil)
        }
        #expect(decoded["执法"].map { $0.count > 5 } == true)
        #expect(index.shards(parallel: false) == shards)
        // Chunks hold the entries in order, and the manifest says where each starts.
        let chunk = try #require(try JSONSerialization.jsonObject(with: index.chunkJSON(1)) as? [[String]])
        #expect(chunk.first?[0] == index.entries[index.chunkStarts[1]].href)
        let manifestBytes = try #require(output.files["search/index.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestBytes) as? [String: Any])
        #expect(manifest["shards"] as? Int == index.shardCount && manifest["entries"] as? Int == index.entries.count)
        #expect((manifest["chunks"] as? [Int]) == index.chunkStarts)
    }

    @Test func aPortalWithoutSearchHasNoSearchPageBoxOrIndex() throws {
        let content = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: "## 一\n\n正文。\n")],
                                      portal: TestContent.portal + "\nsearch: false\n")
        let (outcome, output) = try content.build()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        #expect(output.files.keys.filter { $0.hasPrefix("search/") }.isEmpty)
        let home = try #require(output.text("index.html"))
        #expect(!home.contains("site-search"))
        let (_, searching) = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: "## 一\n\n正文。\n")]).build()
        #expect(try #require(searching.text("t/2023/index.html")).contains(#"<form class="site-search" role="search" action="../../search/""#))
    }
}
