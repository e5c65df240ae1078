/// How site search cuts text into what it looks up. The index is made with this, and the browser cuts queries
/// with a port of it (`assets/search.js`, checked against this on the same strings by the browser test), so the
/// two never disagree the way word segmenters do (Pagefind #1237).
///
/// Chinese has no spaces, and any part of a word may be what a reader types (执法 inside 行政执法, 学法 inside
/// 强化学法): every ideograph and every pair of adjacent ideographs is a token, so any substring of two or more
/// ideographs is found through its pairs and one ideograph through itself. Latin letters and digits make words
/// (ICP, 2023, 45), so 45 does not find 2045.
package enum SearchTokenizer {
    /// A token as the index counts it, a number so that counting millions of them hashes no strings: an ideograph
    /// is its scalar, a pair `1 << 42 | first << 21 | second`, a word `1 << 63` with 63 bits of its FNV-1a hash
    /// (the word itself is kept beside, once per word: Chinese text has few).
    package typealias Key = UInt64

    package static func isWord(_ key: Key) -> Bool { key >> 63 != 0 }

    /// The text of an ideograph or pair key (a word's is kept where it was seen).
    package static func ideographs(_ key: Key) -> String {
        guard key >> 42 != 0 else { return String(Unicode.Scalar(UInt32(key))!) }
        return String(Unicode.Scalar(UInt32((key >> 21) & 0x1F_FFFF))!) + String(Unicode.Scalar(UInt32(key & 0x1F_FFFF))!)
    }

    /// A character as search compares it: full-width forms as their ASCII (Ａ１ as a1), the ideographic space as a
    /// space, ASCII letters in lower case. One scalar for one, so places in the folded text are places in the text.
    @inline(__always)
    package static func fold(_ scalar: UInt32) -> UInt32 {
        var folded = scalar
        if scalar == 0x3000 { folded = 0x20 } else if scalar &- 0xFF01 <= 0xFF5E - 0xFF01 { folded = scalar - 0xFEE0 }
        if folded &- 0x41 <= 0x5A - 0x41 { folded += 0x20 }
        return folded
    }

    package enum Kind { case word, ideograph, separator }

    /// Ideographs: kana, CJK ideographs (extension A, the basic block, compatibility, the supplementary planes),
    /// hangul syllables and 〇. Word characters: ASCII letters and digits and the accented Latin letters.
    @inline(__always)
    package static func kind(of folded: UInt32) -> Kind {
        if folded &- 0x4E00 <= 0x9FFF - 0x4E00 { return .ideograph }  // most of what the index reads
        switch folded {
        case 0x30...0x39, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: return .word
        case 0x3007, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3134F: return .ideograph
        default: return .separator
        }
    }

    /// Every token of `text`, in order, repeats included: what the index counts. `word` is called with each word's
    /// key and folded scalars before the key is visited, so the caller can keep the words it has not seen.
    @inline(__always)
    package static func scan(_ text: String, word: (Key, [UInt32]) -> Void, _ visit: (Key) -> Void) {
        var letters: [UInt32] = [], hash: UInt64 = fnv64Basis
        var previous: UInt32 = 0
        func endWord() {
            guard !letters.isEmpty else { return }
            let key = 1 << 63 | hash >> 1
            word(key, letters)
            visit(key)
            letters.removeAll(keepingCapacity: true)
            hash = fnv64Basis
        }
        var text = text
        // The scalars decoded from the UTF-8 by hand (a String's is always valid): the index reads every character
        // of every report, and the scalar view's iterator cost more than the counting.
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let lead = UInt32(utf8[index]), scalar: UInt32
                if lead < 0x80 {
                    scalar = lead
                    index += 1
                } else if lead < 0xE0 {
                    scalar = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                    index += 2
                } else if lead < 0xF0 {
                    scalar = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                    index += 3
                } else {
                    scalar = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                        | UInt32(utf8[index + 3] & 0x3F)
                    index += 4
                }
                let folded = fold(scalar)
                switch kind(of: folded) {
                case .word:
                    previous = 0
                    letters.append(folded)
                    hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
                case .ideograph:
                    endWord()
                    visit(UInt64(folded))
                    if previous != 0 { visit(1 << 42 | UInt64(previous) << 21 | UInt64(folded)) }
                    previous = folded
                case .separator:
                    endWord()
                    previous = 0
                }
            }
        }
        endWord()
    }

    private static let fnv64Basis: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Every token of `text` as text, in order: what the tests and the browser's port compare.
    package static func tokens(of text: String) -> [String] {
        var words: [Key: String] = [:], result: [String] = []
        scan(text, word: { key, letters in words[key] = string(letters) }) { key in
            result.append(isWord(key) ? words[key]! : ideographs(key))
        }
        return result
    }

    static func string(_ scalars: [UInt32]) -> String {
        var text = String.UnicodeScalarView()
        for scalar in scalars { text.append(Unicode.Scalar(scalar)!) }
        return String(text)
    }

    /// What the browser looks up for a query term: its words, and pairs covering each run of ideographs without
    /// overlap (行政执法 as 行政 and 执法; an odd run's last pair overlaps the one before; a run of one is itself).
    /// Fewer lists to fetch; the browser then checks each result holds the term as typed, so nothing false is shown.
    package static func queryTokens(of term: String) -> [String] {
        var result: [String] = [], run: [UInt32] = [], word: [UInt32] = []
        func endRun() {
            if run.count == 1 { result.append(string(run)) }
            for first in stride(from: 0, to: run.count - 1, by: 2) { result.append(string(Array(run[first...first + 1]))) }
            if run.count >= 3, run.count % 2 == 1 { result.append(string(Array(run.suffix(2)))) }
            run = []
        }
        func endWord() {
            if !word.isEmpty { result.append(string(word)) }
            word = []
        }
        for scalar in term.unicodeScalars {
            let folded = fold(scalar.value)
            switch kind(of: folded) {
            case .word: endRun(); word.append(folded)
            case .ideograph: endWord(); run.append(folded)
            case .separator: endRun(); endWord()
            }
        }
        endRun()
        endWord()
        return result
    }

    /// The shard a token's postings are in: FNV-1a over its scalars (not its bytes: the browser has code points at
    /// hand), the top bits of the hash for a shard count that is a power of two.
    package static func shard(of token: String, shards: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for scalar in token.unicodeScalars { hash = (hash ^ scalar.value) &* 0x0100_0193 }
        let bits = shards.trailingZeroBitCount
        return bits == 0 ? 0 : Int(hash >> (32 - bits))
    }
}
