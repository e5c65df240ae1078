import Foundation
import GongkaiBase
import GongkaiModel

/// Site search's files under `search/`, made in the build from the entries (`SearchEntry`); served as they are by
/// any web server, and fetched by the browser a few at a time:
///
/// - `index.json`, the manifest: the shard count, the departments (`[slug, name]`), which entries belong to which department and
///   year (for the filters), and where each chunk of entries starts;
/// - `s/N.txt`, the shards: one line per token, `token TAB postings`; a token is in the shard its FNV-1a hash
///   names (`SearchTokenizer.shard`), so a query fetches only the shards of its own tokens. Postings are the
///   entries holding the token, ascending, `,`-separated, each the base-36 gap from the one before (the first from
///   −1), then `.` and a base-36 weight (twice the count, capped at 31, plus 1 if in the title) unless it is 2;
/// - `t/N.json`, the chunks: consecutive entries of about 2 KB of text, each `[href, path, kind, title, text]`, for
///   checking a term is there as written and showing the result with its snippet.
package struct SearchIndex: Sendable {
    package let entries: [SearchEntry]
    package let shardCount: Int
    /// The first entry of each chunk.
    package let chunkStarts: [Int]
    private let orgs: [(slug: String, name: String)]

    static let chunkBytes = 2048

    package init(site: Site) {
        let entries = SearchEntry.all(in: site)
        self.entries = entries
        orgs = site.orgs.map { ($0.slug, $0.name) }
        var starts: [Int] = [], bytes = Int.max, total = 0
        for (index, entry) in entries.enumerated() {
            if bytes >= Self.chunkBytes {
                starts.append(index)
                bytes = 0
            }
            let size = entry.text.utf8.count + entry.title.utf8.count
            bytes += size
            total += size
        }
        chunkStarts = starts
        // About a shard per 64 KB of text: a shard comes to a few KB, and the shards a common two-word query needs
        // stay small next to Pagefind's fragments. A power of two, so the browser takes the hash's low bits.
        var shards = 1
        while shards * 65_536 < total { shards *= 2 }
        shardCount = shards
    }

    /// The files, by site path.
    package static let folder = "search/"
    package static let manifest = folder + "index.json"
    package func shardFile(_ index: Int) -> String { Self.folder + "s/\(index).txt" }
    package func chunkFile(_ index: Int) -> String { Self.folder + "t/\(index).json" }

    package func manifestJSON() -> Data {
        var json = JSONWriter()
        json.open()
        json.integer("version", 1)
        json.integer("shards", shardCount)
        json.integer("entries", entries.count)
        json.open("orgs", array: true)
        for org in orgs {
            json.open(array: true)
            json.text(nil, org.slug)
            json.text(nil, org.name)
            json.close(array: true)
        }
        json.close(array: true)
        // Runs of entries of one department and year: [first entry, department, year].
        json.open("ranges", array: true)
        var last: (org: Int, year: Int)? = nil
        for (index, entry) in entries.enumerated() where last.map({ $0.org != entry.org || $0.year != entry.year }) ?? true {
            json.open(array: true)
            json.integer(nil, index)
            json.integer(nil, entry.org)
            json.integer(nil, entry.year)
            json.close(array: true)
            last = (entry.org, entry.year)
        }
        json.close(array: true)
        json.open("chunks", array: true)
        for start in chunkStarts { json.integer(nil, start) }
        json.close(array: true)
        json.close()
        return Data(json.bytes)
    }

    package func chunkJSON(_ index: Int) -> Data {
        let end = index + 1 < chunkStarts.count ? chunkStarts[index + 1] : entries.count
        var json = JSONWriter()
        json.open(array: true)
        for entry in entries[chunkStarts[index]..<end] {
            json.open(array: true)
            json.text(nil, entry.href)
            json.text(nil, entry.path)
            json.text(nil, entry.kind.rawValue)
            json.text(nil, entry.title)
            json.text(nil, entry.text)
            json.close(array: true)
        }
        json.close(array: true)
        return Data(json.bytes)
    }

    /// Every shard's bytes, in shard order: the entries' tokens counted on every core, then gathered per shard.
    package func shards(parallel: Bool = true) -> [Data] {
        // Each batch of entries counts its tokens apart; batches are gathered in order, so postings stay ascending.
        let batches = stride(from: 0, to: entries.count, by: 256).map { $0..<min($0 + 256, entries.count) }
        let counted = ParallelMap.map(batches, parallel: parallel) { [entries] batch -> [(SearchTokenizer.Token, UInt32)] in
            var postings: [(SearchTokenizer.Token, UInt32)] = []
            for index in batch {
                var counts: [SearchTokenizer.Token: UInt32] = [:]
                SearchTokenizer.tokens(of: entries[index].title) { token in counts[token, default: 0] = (counts[token, default: 0] + 1) | 1 << 31 }
                SearchTokenizer.tokens(of: entries[index].text) { counts[$0, default: 0] += 1 }
                for (token, count) in counts {
                    let weight = min(count & 0x7FFF_FFFF, 31) * 2 + (count >> 31)
                    postings.append((token, UInt32(index) << 6 | weight))
                }
            }
            return postings
        }
        var byToken: [SearchTokenizer.Token: [UInt32]] = [:]
        for batch in counted {
            for (token, posting) in batch { byToken[token, default: []].append(posting) }
        }
        var lines = [[(String, [UInt32])]](repeating: [], count: shardCount)
        for (token, postings) in byToken {
            let text = token.text
            // Already ascending: batches are gathered in order, and each lists its entries in order.
            lines[SearchTokenizer.shard(of: text, shards: shardCount)].append((text, postings))
        }
        return ParallelMap.map(lines, parallel: parallel) { tokens in
            var bytes: [UInt8] = []
            for (text, postings) in tokens.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
                bytes += text.utf8
                bytes.append(UInt8(ascii: "\t"))
                var previous = -1
                for (position, posting) in postings.enumerated() {
                    if position > 0 { bytes.append(UInt8(ascii: ",")) }
                    let entry = Int(posting >> 6), weight = Int(posting & 63)
                    Self.appendBase36(entry - previous, to: &bytes)
                    if weight != 2 {
                        bytes.append(UInt8(ascii: "."))
                        Self.appendBase36(weight, to: &bytes)
                    }
                    previous = entry
                }
                bytes.append(UInt8(ascii: "\n"))
            }
            return Data(bytes)
        }
    }

    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    private static func appendBase36(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 36 { appendBase36(value / 36, to: &bytes) }
        bytes.append(digits[value % 36])
    }
}
