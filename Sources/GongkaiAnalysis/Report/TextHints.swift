import GongkaiBase

/// Whether a text node might hold what `FullWidthMarkup` searches for, found in one pass over its bytes: most of a
/// report's text has none of it, and is passed over without a search. (Foundation's `contains` folds every
/// character before it compares, and took a sixth of a build.)
struct TextHints {
    /// `metric:`, `doc:` or `plan:`.
    private(set) var linkKinds = false

    init(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for index in bytes.indices where bytes[index] == UInt8(ascii: ":") {
                if Self.ends(bytes, at: index, with: "metric") || Self.ends(bytes, at: index, with: "doc") || Self.ends(bytes, at: index, with: "plan") {
                    linkKinds = true
                    return
                }
            }
        }
    }

    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, with word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end >= count else { return false }
        let start = word.utf8Start
        for offset in 0..<count where bytes[end - count + offset] != start[offset] { return false }
        return true
    }
}
