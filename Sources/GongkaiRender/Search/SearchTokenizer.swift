/// How site search cuts text into what it looks up. The index is made with this, and the browser cuts queries
/// with a port of it (`assets/search.js`, checked against this on the same strings by the browser test), so the
/// two never disagree the way word segmenters do (Pagefind #1237).
///
/// Chinese has no spaces, and any part of a word may be what a reader types (执法 inside 行政执法, 学法 inside
/// 强化学法): every ideograph and every pair of adjacent ideographs is a token, so any substring of two or more
/// ideographs is found through its pairs and one ideograph through itself. Latin letters and digits make words
/// (ICP, 2023, 45), so 45 does not find 2045.
package enum SearchTokenizer {
    package enum Token: Hashable, Sendable {
        /// One ideograph, or two adjacent ones (`first << 21 | second`, with bit 42 set).
        case ideographs(UInt64)
        case word(String)

        /// The token as the shards spell it.
        package var text: String {
            switch self {
            case .word(let word): return word
            case .ideographs(let key):
                guard key >> 42 != 0 else { return String(Unicode.Scalar(UInt32(key))!) }
                return String(Unicode.Scalar(UInt32((key >> 21) & 0x1F_FFFF))!) + String(Unicode.Scalar(UInt32(key & 0x1F_FFFF))!)
            }
        }
    }

    /// A character as search compares it: full-width forms as their ASCII (Ａ１ as a1), the ideographic space as a
    /// space, ASCII letters in lower case. One scalar for one, so places in the folded text are places in the text.
    package static func fold(_ scalar: UInt32) -> UInt32 {
        var folded = scalar
        if scalar == 0x3000 { folded = 0x20 } else if (0xFF01...0xFF5E).contains(scalar) { folded = scalar - 0xFEE0 }
        if (0x41...0x5A).contains(folded) { folded += 0x20 }
        return folded
    }

    package enum Kind { case word, ideograph, separator }

    /// Ideographs: kana, CJK ideographs (extension A, the basic block, compatibility, the supplementary planes),
    /// hangul syllables and 〇. Word characters: ASCII letters and digits and the accented Latin letters.
    package static func kind(of folded: UInt32) -> Kind {
        switch folded {
        case 0x30...0x39, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: return .word
        case 0x3007, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3134F: return .ideograph
        default: return .separator
        }
    }

    /// Every token of `text`, in order, repeats included: what the index counts.
    package static func tokens(of text: String, _ visit: (Token) -> Void) {
        var word = String.UnicodeScalarView()
        var previous: UInt32? = nil
        func endWord() {
            guard !word.isEmpty else { return }
            visit(.word(String(word)))
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let folded = fold(scalar.value)
            switch kind(of: folded) {
            case .word:
                previous = nil
                word.append(Unicode.Scalar(folded)!)
            case .ideograph:
                endWord()
                visit(.ideographs(UInt64(folded)))
                if let previous { visit(.ideographs(1 << 42 | UInt64(previous) << 21 | UInt64(folded))) }
                previous = folded
            case .separator:
                endWord()
                previous = nil
            }
        }
        endWord()
    }

    /// What a query term needs the index to hold: its words, and of each run of ideographs its pairs (the one
    /// ideograph of a run of one). The browser finds a term by these, then checks it is there as written.
    package static func queryTokens(of term: String) -> [Token] {
        var result: [Token] = [], run: [UInt32] = [], word = String.UnicodeScalarView()
        func endRun() {
            if run.count == 1 { result.append(.ideographs(UInt64(run[0]))) }
            for index in run.indices.dropFirst() { result.append(.ideographs(1 << 42 | UInt64(run[index - 1]) << 21 | UInt64(run[index]))) }
            run = []
        }
        func endWord() {
            if !word.isEmpty { result.append(.word(String(word))) }
            word = String.UnicodeScalarView()
        }
        for scalar in term.unicodeScalars {
            let folded = fold(scalar.value)
            switch kind(of: folded) {
            case .word: endRun(); word.append(Unicode.Scalar(folded)!)
            case .ideograph: endWord(); run.append(folded)
            case .separator: endRun(); endWord()
            }
        }
        endRun()
        endWord()
        return result
    }

    /// The shard a token's postings are in: FNV-1a of its UTF-8, modulo the shard count (a power of two).
    package static func shard(of token: String, shards: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in token.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return Int(hash & UInt32(shards - 1))
    }
}
