/// HTML and URL escaping as cmark-gfm does it, so Gongkai's own renderer matches the GFM spec.
package enum HTMLEscaping {
    /// Escapes `& < > "` for text and attribute values. Hot path (every text node of every page): works on bytes and
    /// appends the runs between special characters whole, never character by character.
    package static func escape(_ text: String, into output: inout String) {
        replace(in: text, into: &output, htmlEntity)
    }

    /// Escapes `& < > " '` as swift-mustache does for `{{name}}` (`'` becomes `&#39;`), on bytes, straight into a
    /// page's byte buffer. Hot path (every value of every page): no String is made.
    package static func escapeForTemplate(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var pending = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard let entity = htmlEntity(byte) ?? (byte == UInt8(ascii: "'") ? "&#39;" : nil) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<index]))
                entity.withUTF8Buffer { output.append(contentsOf: $0) }
                pending = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending...]))
        }
    }

    @inline(__always)
    private static func htmlEntity(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        default: return nil
        }
    }

    /// Appends `text` to `output` with each byte that `replacement` names replaced; text without any is appended whole.
    @inline(__always)
    private static func replace(in text: String, into output: inout String, _ replacement: (UInt8) -> StaticString?) {
        var text = text
        guard text.withUTF8({ $0.contains { replacement($0) != nil } }) else {
            output += text
            return
        }
        text.withUTF8 { bytes in
            var pending = 0
            for index in 0..<bytes.count {
                guard let replaced = replacement(bytes[index]) else { continue }
                output += String(decoding: UnsafeBufferPointer(rebasing: bytes[pending..<index]), as: UTF8.self)
                output += replaced.description
                pending = index + 1
            }
            output += String(decoding: UnsafeBufferPointer(rebasing: bytes[pending...]), as: UTF8.self)
        }
    }

    package static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        escape(text, into: &output)
        return output
    }

    /// Bytes that stay as they are in an `href`; everything else is percent-encoded (houdini's HREF_SAFE table).
    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for character in "-_.+!*(),%#@?=;:/$~" { table[Int(character.asciiValue!)] = true }
        return table
    }()

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Percent-encodes a URL for an attribute, leaving existing escapes alone.
    package static func escapeHref(_ url: String, into output: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if hrefSafe[Int(byte)] {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "&") {
                bytes += Array("&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                bytes += Array("&#x27;".utf8)
            } else {
                bytes += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a URL scheme can run code or smuggle content (`javascript:` and friends); such links are blanked
    /// unless the portal allows raw HTML.
    package static func isUnsafe(url: String) -> Bool {
        let lowered = url.prefix(32).lowercased()
        if lowered.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lowered.hasPrefix($0) }
        }
        return ["javascript:", "vbscript:", "file:"].contains { lowered.hasPrefix($0) }
    }

    /// The GFM tag filter: `<` of a tag that could take over the page is escaped, even in allowed raw HTML.
    package static func filterTags(_ html: String) -> String {
        let blocked = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        guard html.contains("<") else { return html }
        var output = ""
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            output += rest[rest.startIndex..<open]
            var afterOpen = rest[rest.index(after: open)...]
            if afterOpen.first == "/" { afterOpen = afterOpen.dropFirst() }
            let isBlocked = blocked.contains { tag in
                guard afterOpen.count >= tag.count, afterOpen.prefix(tag.count).lowercased() == tag else { return false }
                let next = afterOpen.dropFirst(tag.count).first
                return next == nil || next == ">" || next == "/" || next!.isWhitespace
            }
            output += isBlocked ? "&lt;" : "<"
            rest = rest[rest.index(after: open)...]
        }
        output += rest
        return output
    }
}
