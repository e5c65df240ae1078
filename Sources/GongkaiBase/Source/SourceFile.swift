import Foundation

/// A text file of the sources, decoded and normalised, that knows how to turn byte offsets into
/// the line and character column an editor shows.
public struct SourceFile: Sendable {
    /// The path shown in diagnostics, relative to the folder the build was started in where possible.
    public let path: String
    /// The text with a UTF-8 byte-order mark removed and CRLF line endings turned into LF.
    public let text: String
    /// Byte offset (in `text.utf8`) where each line starts; index 0 is line 1.
    private let lineStarts: [Int]

    public init(path: String, text: String) {
        self.path = path
        var normalised = text
        normalised.makeContiguousUTF8()
        if normalised.hasPrefix("\u{FEFF}") { normalised.removeFirst() }
        // Checked on bytes in place, without Foundation's or the generic `contains`: every report passes here.
        if normalised.withUTF8({ $0.contains(UInt8(ascii: "\r")) }) {
            normalised = normalised.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        self.text = normalised
        var starts = [0]
        normalised.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        self.lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line, without its line ending.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        let end = number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1)
            : utf8.endIndex
        return text[start..<end]
    }

    /// The character column of a 1-based byte column on a line (cmark-gfm counts bytes). Characters are counted as
    /// Unicode scalars, which is what editors show for Chinese text, without the cost of grapheme breaking.
    public func characterColumn(line number: Int, byteColumn: Int) -> Int {
        let utf8 = line(number).utf8
        let bytes = min(max(byteColumn - 1, 0), utf8.count)
        // Every scalar has exactly one byte that is not a continuation byte (10xxxxxx).
        return utf8.prefix(bytes).reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The location of a 1-based line and byte column.
    public func location(line: Int, byteColumn: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: characterColumn(line: line, byteColumn: byteColumn))
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// The start of the file, for problems that belong to the whole file.
    public var start: SourceLocation { SourceLocation(file: path, line: 1, column: 1) }
}

extension String.UTF8View {
    /// Whether `**` or `__` occurs, in one pass over the bytes and without Foundation's string search.
    package var containsDoubledEmphasisMarker: Bool {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard bytes.count > 1 else { return false }
            for index in 1..<bytes.count where bytes[index] == bytes[index - 1]
                && (bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "_")) { return true }
            return false
        }
        return withContiguousStorageIfAvailable(scan) ?? Array(self).withUnsafeBufferPointer(scan)
    }
}
