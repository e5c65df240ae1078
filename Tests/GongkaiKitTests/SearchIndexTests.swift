import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender

/// Site search's index: the tokenizer the browser's port is checked against, the sections' text as the page shows
/// it, the files the browser reads, and `search: false`.
@Suite struct SearchIndexTests {
    /// The fixture the browser test checks `search.js` against: one file, so the two tokenizers cannot drift apart.
    @Test func theTokenizerGivesTheSharedFixturesTokensQueryTokensAndShards() throws {
        let data = try Data(contentsOf: Repository.fixtures.appendingPathComponent("search-tokens.json"))
        let cases = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(cases.count > 10)
        for item in cases {
            let text = try #require(item["text"] as? String), expected = try #require(item["tokens"] as? [String])
            #expect(SearchTokenizer.tokens(of: text) == expected, "\(text)")
            #expect(SearchTokenizer.queryTokens(of: text) == item["query"] as? [String], "\(text)")
            #expect(expected.map { SearchTokenizer.shard(of: $0, shards: 1024) } == item["shards"] as? [Int], "\(text)")
        }
    }

    @Test func aQueryIsLookedUpByPairsCoveringItsIdeographsAndByItsWords() {
        #expect(SearchTokenizer.queryTokens(of: "行政执法") == ["行政", "执法"])
        #expect(SearchTokenizer.queryTokens(of: "案卷评查工作") == ["案卷", "评查", "工作"])
        #expect(SearchTokenizer.queryTokens(of: "行政执法人") == ["行政", "执法", "法人"])
        #expect(SearchTokenizer.queryTokens(of: "法") == ["法"])
        #expect(SearchTokenizer.queryTokens(of: "ＩＣＰ备案") == ["icp", "备案"])
        #expect(SearchTokenizer.queryTokens(of: "第9号") == ["第", "9", "号"])
        #expect(SearchTokenizer.queryTokens(of: "“，”").isEmpty)
        #expect(SearchTokenizer.shard(of: "执法", shards: 1) == 0)
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

    /// Decodes the shards as the browser does: token → entry → weight, lists in files of their own included. A
    /// bitmap list gives no counts: its weights are level 0 and the title flag.
    static func postings(_ index: SearchIndex) -> (lists: [String: [Int: Int]], forms: Set<UInt8>, bitmaps: Set<String>) {
        func varint(_ bytes: [UInt8], _ at: inout Int) -> Int {
            var value = 0, shift = 0
            while true {
                let byte = bytes[at]
                at += 1
                value |= Int(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { return value }
            }
        }
        func list(_ bytes: [UInt8], form: UInt8) -> [Int: Int] {
            var result: [Int: Int] = [:]
            if form == 0 {
                var at = 0, entry = -1
                while at < bytes.count {
                    let value = varint(bytes, &at)
                    entry += value >> 3
                    result[entry] = value & 7
                }
            } else {
                let bitmap = (index.entries.count + 7) / 8
                for entry in 0..<index.entries.count where bytes[entry >> 3] & (1 << UInt8(entry & 7)) != 0 { result[entry] = 0 }
                var at = bitmap, title = -1
                while at < bytes.count {
                    title += varint(bytes, &at)
                    result[title]! |= 1
                }
            }
            return result
        }
        var result: [String: [Int: Int]] = [:], forms: Set<UInt8> = [], bitmaps: Set<String> = []
        for (number, shard) in index.shards.enumerated() {
            let bytes = [UInt8](shard)
            var at = 0
            while at < bytes.count {
                let length = varint(bytes, &at), token = String(decoding: bytes[at..<at + length], as: UTF8.self)
                at += length
                let form = bytes[at]
                at += 1
                let size = varint(bytes, &at)
                var own = Array(bytes[at..<at + size])
                at += size
                if form & 2 != 0 {
                    var reference = 0
                    own = [UInt8](index.lists[varint(own, &reference)])
                }
                #expect(SearchTokenizer.shard(of: token, shards: index.shardCount) == number, "\(token)")
                #expect(result[token] == nil, "\(token) twice")
                result[token] = list(own, form: form & 1)
                forms.insert(form)
                if form & 1 != 0 { bitmaps.insert(token) }
            }
        }
        return (result, forms, bitmaps)
    }

    /// Every token of every entry is in the shard its hash names, with its count and title flag, and no token is
    /// listed for an entry that does not hold it; both list forms and lists in their own files come out so; the
    /// files come out the same on every build, on one core or many.
    @Test(arguments: ["sample", "generated"])
    func theShardsListEveryEntryOfEveryTokenAndOnlyThose(_ portal: String) throws {
        let outcome: Builder.Outcome, output: MemoryOutput
        if portal == "sample" {
            (outcome, output) = try SampleBuildTests.buildSample()
        } else {
            // Many entries that share common words: dense lists, lists in files of their own, more than one shard.
            var files: [String: String] = [:]
            for org in 0..<6 {
                for year in 2021...2023 {
                    let sections = (0..<20).map { "## 第\($0)项 {#s\($0)}\n\n依法行政执法监督\(String(repeating: "案卷评查", count: $0 % 7))，办理 \($0 * 7 + year) 件 ICP\(org)。\n" }
                    files["orgs/o\(org)/\(year).md"] = TestContent.report(org: "o\(org)", year: year, body: sections.joined(separator: "\n"))
                }
            }
            (outcome, output) = try TestContent(files: files).build()
        }
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        let site = try #require(outcome.site)
        let index = SearchIndex(site: site)
        for (number, bytes) in index.shards.enumerated() { #expect(output.files[SearchIndex.shardFile(number)] == bytes) }
        for (number, bytes) in index.lists.enumerated() { #expect(output.files[SearchIndex.listFile(number)] == bytes) }
        var expected: [String: [Int: Int]] = [:]
        for (number, entry) in index.entries.enumerated() {
            var counts: [String: (count: Int, title: Bool)] = [:]
            for token in SearchTokenizer.tokens(of: entry.title) { counts[token, default: (0, false)] = (counts[token, default: (0, false)].count + 1, true) }
            for token in SearchTokenizer.tokens(of: entry.text) { counts[token, default: (0, false)].count += 1 }
            for (token, count) in counts { expected[token, default: [:]][number] = SearchPostings.weight(count: count.count, inTitle: count.title) }
        }
        /// What a decoding should give: for a bitmap list, only the title flags.
        func readable(_ decoded: (lists: [String: [Int: Int]], forms: Set<UInt8>, bitmaps: Set<String>)) -> [String: [Int: Int]] {
            var lists = expected
            for token in decoded.bitmaps { lists[token] = lists[token]?.mapValues { $0 & 1 } }
            return lists
        }
        let decoded = Self.postings(index)
        #expect(decoded.lists == readable(decoded))
        #expect(decoded.forms.isSuperset(of: [0, 1]), "both forms of list: \(decoded.forms)")
        #expect(expected["执法"].map { $0.count > 5 } == true)
        let single = SearchIndex(site: site, parallel: false)
        #expect(single.shards == index.shards && single.lists == index.lists)
        // Small shards and lists in files of their own, as a large portal has them, read back the same.
        let small = SearchIndex(site: site, shardBytes: 256, ownFileBytes: 24)
        #expect(small.shardCount > 1 && !small.lists.isEmpty)
        let smallDecoded = Self.postings(small)
        #expect(smallDecoded.lists == readable(smallDecoded) && smallDecoded.forms.isSuperset(of: [2, 3]), "\(smallDecoded.forms)")
        // Chunks hold the entries in order, and the manifest says how many each holds.
        let chunkBytes = try #require(output.files[SearchIndex.chunkFile(1)])
        let chunk = try #require(try JSONSerialization.jsonObject(with: chunkBytes) as? [[String]])
        let first = index.entries[index.chunkStarts[1]]
        #expect(chunk.first == [first.href, first.path, first.kind.rawValue, first.title, first.text])
        let manifestBytes = try #require(output.files["search/index.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestBytes) as? [String: Any])
        #expect(manifest["shards"] as? Int == index.shardCount && manifest["entries"] as? Int == index.entries.count)
        let sizes = try #require(manifest["chunks"] as? String).map { Int(String($0), radix: 36)! }
        #expect(sizes.indices.map { sizes[..<$0].reduce(0, +) } == index.chunkStarts && sizes.reduce(0, +) == index.entries.count)
    }

    /// A rebuild whose index inputs did not change (a template edited, nothing at all) takes the layout its files
    /// had and does not index every report again, unless one of them has to be rendered: then it gives the same bytes.
    @Test func theIndexIsMadeAgainOnlyWhenItsFilesAreNeeded() throws {
        let (outcome, _) = try SampleBuildTests.buildSample()
        let site = try #require(outcome.site)
        var diagnostics: [Diagnostic] = []
        let templates = try #require(TemplateSet.load(from: Repository.templates, displayName: "Templates", into: &diagnostics))
        func registry(_ previous: [String: UInt64]) -> PageRegistry {
            PageRegistry(site: site, templates: templates, reportsWithPDF: .none, previous: previous)
        }
        func bytes(_ page: Page?) throws -> Data? {
            switch try page?.content() {
            case .data(let data): return data
            case .text(let text): return Data(text.utf8)
            case nil: return nil
            }
        }
        let first = registry([:])
        #expect(first.pages.searchIndexIsMade)
        let previous = Dictionary(uniqueKeysWithValues: zip(first.all.map(\.file), first.fingerprints))
        let second = registry(previous)
        #expect(!second.pages.searchIndexIsMade)
        #expect(second.all.map(\.file) == first.all.map(\.file) && second.fingerprints == first.fingerprints)
        let shard = SearchIndex.shardFile(0)
        #expect(try bytes(second.all.first { $0.file == shard }) == (try bytes(first.all.first { $0.file == shard })))
        #expect(second.pages.searchIndexIsMade)
        // The index's inputs changed (its manifest's fingerprint is not what it was), or a file of it is missing.
        var changed = previous
        changed[SearchIndex.manifest] = 0
        #expect(registry(changed).pages.searchIndexIsMade)
        changed = previous
        changed[shard] = nil
        #expect(registry(changed).pages.searchIndexIsMade)
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
