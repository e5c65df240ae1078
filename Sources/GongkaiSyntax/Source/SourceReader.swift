import Foundation
import GongkaiBase

/// Reads a source file from disk and decodes it as UTF-8, turning every way that can go wrong into a diagnostic.
package enum SourceReader {
    /// The decoded file, or nil with a diagnostic saying why it cannot be read.
    package static func read(_ url: URL, displayPath: String, into diagnostics: inout [Diagnostic]) -> SourceFile? {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error("source.unreadable", at: start, "cannot read this file" | "无法读取此文件"))
            return nil
        }
        return decode(data, displayPath: displayPath, into: &diagnostics)
    }

    package static func decode(_ data: Data, displayPath: String, into diagnostics: inout [Diagnostic]) -> SourceFile? {
        // One pass over the bytes in place: a copy into an array and a search through `String.UTF8View` cost as much
        // as parsing the report.
        let (decoded, hasNUL) = data.withUnsafeBytes { raw -> (String?, Bool) in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return ("", false) }
            return (String(validating: bytes, as: UTF8.self), memchr(base, 0, bytes.count) != nil)
        }
        if let text = decoded {
            if hasNUL {
                // Located in the normalised text, where lines and columns are counted: a byte-order mark or CRLF line
                // endings before the NUL would shift an offset taken from the raw bytes.
                let normalised = Array(SourceFile(path: displayPath, text: text).text.utf8)
                let offset = normalised.firstIndex(of: 0) ?? 0
                diagnostics.append(.error("source.nul-byte", at: location(ofByte: offset, in: normalised, path: displayPath),
                                          "the file contains a NUL byte" | "文件中含有 NUL 字节",
                                          hint: "remove the invisible character at this position" | "删除此处的不可见字符"))
                return nil
            }
            return SourceFile(path: displayPath, text: text)
        }
        let bytes = [UInt8](data)
        let offset = firstInvalidUTF8Offset(bytes)
        // Counted in the text before the bad byte as an editor shows it (byte-order mark dropped, CR LF one break,
        // characters as Unicode scalars), the same way as every other location.
        let location = location(ofByte: offset, in: bytes, path: displayPath)
        if looksLikeGB18030(bytes) {
            diagnostics.append(.error("source.not-utf8", at: location,
                                      "the file is not UTF-8; it looks like GBK/GB18030" | "文件不是 UTF-8 编码，看起来是 GBK/GB18030",
                                      hint: "convert it: iconv -f GB18030 -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE"
                                        | "转换编码：iconv -f GB18030 -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE"))
        } else {
            diagnostics.append(.error("source.invalid-utf8", at: location,
                                      "invalid UTF-8 byte sequence" | "无效的 UTF-8 字节序列",
                                      hint: "save the file as UTF-8" | "请以 UTF-8 编码保存文件"))
        }
        return nil
    }

    /// The line and column of a byte offset, counted in the text before it as an editor shows it (byte-order mark
    /// dropped, CR LF one line break, characters as Unicode scalars), as every other location is.
    private static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        let before = SourceFile(path: path, text: String(decoding: bytes[..<offset], as: UTF8.self))
        let line = before.lineCount
        return SourceLocation(file: path, line: line, column: before.line(line).unicodeScalars.count + 1)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for next in 1..<length where bytes[index + next] & 0xC0 != 0x80 { return index }
            if length > 1, String(validatingUTF8: Array(bytes[index..<index + length])) == nil { return index }
            index += length
        }
        return bytes.count
    }

    /// GBK/GB18030 text is mostly pairs of bytes 0x81–0xFE followed by 0x40–0xFE; UTF-8 Chinese never parses as that
    /// consistently. A cheap test, good enough to name the likely encoding in a hint.
    private static func looksLikeGB18030(_ bytes: [UInt8]) -> Bool {
        var pairs = 0, bad = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            if (0x81...0xFE).contains(byte), index + 1 < bytes.count, (0x40...0xFE).contains(bytes[index + 1]) {
                pairs += 1
                index += 2
            } else {
                bad += 1
                index += 1
            }
        }
        return pairs > 0 && bad * 10 <= pairs
    }
}

private extension String {
    package init?(validatingUTF8 bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}
