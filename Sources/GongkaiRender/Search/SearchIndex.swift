import Foundation
import GongkaiBase
import GongkaiModel

/// Site search's files under `search/`, made in the build from the entries (`SearchEntry`); served as they are by
/// any web server, and fetched by the browser a few at a time:
///
/// - `index.json`, the manifest: the shard count, the entry count, the departments (`[slug, name]`), which entries
///   belong to which department and year (for the filters), and how many entries each chunk holds (a base-36 digit
///   per chunk);
/// - `s/N.bin`, the shards: a token is in the shard its hash names (`SearchTokenizer.shard`), so a query fetches
///   only the shards of its own tokens. Each token, by key: its UTF-8 (a varint length first), a form byte, the
///   list's byte length (varint) and the list. Form 0 is the varints of `SearchPostings`; form 1, for a token most
///   entries hold, a bitmap of the entries (bit `e & 7` of byte `e >> 3`) then the varint gaps of those whose title
///   holds it, without counts: a word that most entries hold ranks next to nothing (BM25's idf), and its counts
///   were most of what a query fetched. Form 2 and 3 are 0 and 1 with the list in a file of its own, `p/F.bin`, and
///   only F (a varint) here: a common token would otherwise make every query that shares its shard fetch it;
/// - `t/N.json`, the chunks: consecutive entries of about 4 KB, each `[href, path, kind, title, text]`, for
///   checking a term is there as written and showing the result with its snippet. A result page fetches ten of
///   them; smaller chunks would mean more files to write than the site has pages (most entries are 1–4 KB).
package struct SearchIndex: Sendable {
    package let entries: [SearchEntry]
    package let shardCount: Int
    /// The first entry of each chunk.
    package let chunkStarts: [Int]
    /// The shards' bytes, and the lists that have files of their own.
    package let shards: [Data]
    package let lists: [Data]
    private let orgs: [(slug: String, name: String)]

    /// A chunk holds at most as many entries as one base-36 digit counts.
    static let chunkEntries = 35

    /// - Parameters:
    ///   - shardBytes: about this many bytes of lists to a shard, and no list above `ownFileBytes` in one: a
    ///     query's few shards then come to a few KB each however common its words are.
    ///   - chunkBytes: a chunk ends once its entries reach this many bytes.
    package init(site: Site, parallel: Bool = true, shardBytes: Int = 4096, ownFileBytes: Int = 1024, chunkBytes: Int = 4096) {
        let entries = SearchEntry.all(in: site)
        self.entries = entries
        var starts: [Int] = [], bytes = Int.max
        for (index, entry) in entries.enumerated() {
            if bytes >= chunkBytes || index - starts.last! >= Self.chunkEntries {
                starts.append(index)
                bytes = 0
            }
            bytes += entry.text.utf8.count + entry.title.utf8.count + entry.path.utf8.count + entry.href.utf8.count
        }
        chunkStarts = starts
        orgs = site.orgs.map { ($0.slug, $0.name) }
        let postings = SearchPostings(entries: entries, parallel: parallel)
        let forms = postings.lists.map { Self.smallerForm(of: $0, entries: entries.count) }
        let inline = forms.reduce(0) { $0 + ($1.bytes.count > ownFileBytes ? 0 : $1.bytes.count) }
        var shards = 1
        while shards * shardBytes < inline { shards *= 2 }
        shardCount = shards
        var byShard = [[Int]](repeating: [], count: shards)
        for (number, list) in postings.lists.enumerated() { byShard[SearchTokenizer.shard(of: list.text, shards: shards)].append(number) }
        var files: [Data] = []
        self.shards = byShard.map { numbers in
            var bytes: [UInt8] = []
            for number in numbers {
                let text = Array(postings.lists[number].text.utf8), (form, list) = forms[number]
                SearchPostings.appendVarint(text.count, to: &bytes)
                bytes += text
                if list.count > ownFileBytes {
                    bytes.append(form | 2)
                    var reference: [UInt8] = []
                    SearchPostings.appendVarint(files.count, to: &reference)
                    SearchPostings.appendVarint(reference.count, to: &bytes)
                    bytes += reference
                    files.append(Data(list))
                } else {
                    bytes.append(form)
                    SearchPostings.appendVarint(list.count, to: &bytes)
                    bytes += list
                }
            }
            return Data(bytes)
        }
        lists = files
    }

    package var layout: SearchLayout { SearchLayout(shards: shards.count, lists: lists.count, chunks: chunkStarts.count) }

    /// The files, by site path.
    package static let folder = "search/"
    package static let manifest = folder + "index.json"
    /// The subfolders of the numbered files: shards, lists and chunks.
    static let numbered = (shards: folder + "s/", lists: folder + "p/", chunks: folder + "t/")

    /// Whether the site path is one of the index's files (not the search page).
    package static func isIndexFile(_ file: String) -> Bool {
        file == manifest || [numbered.shards, numbered.lists, numbered.chunks].contains { file.hasPrefix($0) }
    }

    package static func shardFile(_ index: Int) -> String { numbered.shards + "\(index).bin" }
    package static func listFile(_ index: Int) -> String { numbered.lists + "\(index).bin" }
    package static func chunkFile(_ index: Int) -> String { numbered.chunks + "\(index).json" }

    /// A list as varints, or as a bitmap and title entries when that is smaller (a token in most entries).
    private static func smallerForm(of list: SearchPostings.List, entries: Int) -> (form: UInt8, bytes: [UInt8]) {
        let bitmap = (entries + 7) / 8
        guard bitmap < list.postings.count else { return (0, list.postings) }
        var bytes = [UInt8](repeating: 0, count: bitmap), titles: [UInt8] = []
        var entry = -1, lastTitle = -1, value = 0, shift = 0
        for byte in list.postings {
            value |= Int(byte & 0x7F) << shift
            shift += 7
            guard byte & 0x80 == 0 else { continue }
            entry += value >> 3
            bytes[entry >> 3] |= 1 << UInt8(entry & 7)
            if value & 1 != 0 {
                SearchPostings.appendVarint(entry - lastTitle, to: &titles)
                lastTitle = entry
            }
            value = 0
            shift = 0
        }
        return bytes.count + titles.count < list.postings.count ? (1, bytes + titles) : (0, list.postings)
    }

    package func manifestJSON() -> Data {
        var json = JSONWriter()
        json.open()
        json.integer("version", 2)
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
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        let sizes = chunkStarts.indices.map { number in (number + 1 < chunkStarts.count ? chunkStarts[number + 1] : entries.count) - chunkStarts[number] }
        json.text("chunks", String(sizes.map { digits[$0] }))
        json.close()
        return Data(json.bytes)
    }

    package func chunkJSON(_ index: Int) -> Data {
        let end = index + 1 < chunkStarts.count ? chunkStarts[index + 1] : entries.count
        var json = JSONWriter()
        json.open(array: true)
        for entry in entries[chunkStarts[index]..<end] {
            json.open(array: true)
            for field in [entry.href, entry.path, entry.kind.rawValue, entry.title, entry.text] { json.text(nil, field) }
            json.close(array: true)
        }
        json.close(array: true)
        return Data(json.bytes)
    }
}

/// How many files of each kind the index has: all the page registry needs to list them before the index is made.
package struct SearchLayout: Equatable, Sendable {
    package let shards: Int
    package let lists: Int
    package let chunks: Int

    package init(shards: Int, lists: Int, chunks: Int) {
        self.shards = shards
        self.lists = lists
        self.chunks = chunks
    }

    /// The layout of the index files among `files` (site paths, as a build left them): nil unless the manifest is
    /// there and each kind is numbered from 0 without a gap.
    package init?(files: some Sequence<String>) {
        var numbers: [String: [Int]] = [:], hasManifest = false
        for file in files where SearchIndex.isIndexFile(file) {
            if file == SearchIndex.manifest { hasManifest = true; continue }
            let folder = String(file[..<(file.lastIndex(of: "/").map { file.index(after: $0) } ?? file.endIndex)])
            let name = file.dropFirst(folder.count).split(separator: ".").first.map(String.init) ?? ""
            guard let number = Int(name) else { return nil }
            numbers[folder, default: []].append(number)
        }
        func count(_ folder: String) -> Int? {
            let found = (numbers[folder] ?? []).sorted()
            return found == Array(found.indices) ? found.count : nil
        }
        let numbered = SearchIndex.numbered
        guard hasManifest, let shards = count(numbered.shards), shards > 0, let lists = count(numbered.lists),
              let chunks = count(numbered.chunks) else { return nil }
        self.init(shards: shards, lists: lists, chunks: chunks)
    }
}
