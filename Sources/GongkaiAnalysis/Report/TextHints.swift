import GongkaiBase

/// What a text node might hold for the checks that search text (`FullWidthMarkup`, `UnlinkedMarkup`), found in one
/// pass over its bytes: most of a report's text has none of it, and is passed over without a search. (Foundation's
/// `contains` folds every character before it compares, and took a sixth of a build.)
struct TextHints {
    /// An Arabic digit, half- or full-width.
    private(set) var digits = false
    /// A 《.
    private(set) var titles = false
    /// `metric:`, `doc:` or `plan:`.
    private(set) var linkKinds = false

    init(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x30, byte <= 0x39 {
                    digits = true
                } else if byte == UInt8(ascii: ":") {
                    if Self.ends(bytes, at: index, with: "metric") || Self.ends(bytes, at: index, with: "doc") || Self.ends(bytes, at: index, with: "plan") {
                        linkKinds = true
                    }
                } else if index + 2 < bytes.count {
                    // ０-９ are EF BC 90-99; 《 is E3 80 8A.
                    if byte == 0xEF, bytes[index + 1] == 0xBC, bytes[index + 2] >= 0x90, bytes[index + 2] <= 0x99 { digits = true }
                    if byte == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x8A { titles = true }
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
