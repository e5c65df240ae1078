import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// A report body's fragments as bytes for the build cache: a tag byte per fragment, strings as their length and
/// UTF-8. Bodies are most of what the cache holds; a generic encoder's escaping and parsing of megabytes of HTML
/// would cost more than parsing the Markdown again.
extension BodyHTML {
    package var encoded: [UInt8] {
        var writer = ByteWriter()
        writer.fragments(fragments)
        return writer.bytes
    }

    /// Nil when the bytes are not a body in this encoding.
    package init?(encoded bytes: [UInt8]) {
        var reader = ByteReader(bytes: bytes)
        guard let fragments = reader.fragments(), reader.atEnd else { return nil }
        self.init(fragments: fragments)
    }
}

private enum Tag: UInt8 {
    case html, lineEnd, document, plan, variants
}

private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func fragments(_ fragments: [BodyHTML.Fragment]) {
        integer(fragments.count)
        for fragment in fragments {
            switch fragment {
            case .html(let text):
                bytes.append(Tag.html.rawValue)
                string(text)
            case .lineEnd:
                bytes.append(Tag.lineEnd.rawValue)
            case .href(.document(let key)):
                bytes.append(Tag.document.rawValue)
                string(key)
            case .href(.plan(let org, let year, let id)):
                bytes.append(Tag.plan.rawValue)
                string(org)
                integer(year)
                string(id)
            case .variants(let web, let print):
                bytes.append(Tag.variants.rawValue)
                self.fragments(web)
                self.fragments(print)
            }
        }
    }

    mutating func string(_ text: String) {
        integer(text.utf8.count)
        bytes += text.utf8
    }

    mutating func integer(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes += $0 }
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func fragments() -> [BodyHTML.Fragment]? {
        guard let count = integer(), count >= 0, count <= bytes.count - offset else { return nil }
        var fragments: [BodyHTML.Fragment] = []
        fragments.reserveCapacity(count)
        for _ in 0..<count {
            guard offset < bytes.count, let tag = Tag(rawValue: bytes[offset]) else { return nil }
            offset += 1
            switch tag {
            case .html:
                guard let text = string() else { return nil }
                fragments.append(.html(text))
            case .lineEnd:
                fragments.append(.lineEnd)
            case .document:
                guard let key = string() else { return nil }
                fragments.append(.href(.document(key: key)))
            case .plan:
                guard let org = string(), let year = integer(), let id = string() else { return nil }
                fragments.append(.href(.plan(org: org, year: year, id: id)))
            case .variants:
                guard let web = self.fragments(), let print = self.fragments() else { return nil }
                fragments.append(.variants(web: web, print: print))
            }
        }
        return fragments
    }

    mutating func string() -> String? {
        guard let length = integer(), length >= 0, length <= bytes.count - offset else { return nil }
        defer { offset += length }
        return String(validating: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func integer() -> Int? {
        guard bytes.count - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return Int(truncatingIfNeeded: value)
    }
}
