/// "Did you mean …?" for a mistyped key, by edit distance.
package enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    package static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let maximum = max(2, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(word, candidate)
            if distance <= maximum, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// The hint and the fix-it for a mistyped word, when a candidate is near enough.
    package static func correction(for word: String, in candidates: some Sequence<String>) -> Correction? {
        nearest(to: word, in: candidates).map {
            Correction(hint: "did you mean `\($0)`?" | "是否应为 `\($0)`？", fixIt: FixIt(original: word, replacement: $0))
        }
    }

    /// Levenshtein distance over characters.
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
