import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// A report body's fragments as bytes for the build cache (`CacheWriter`): a tag byte per fragment. Bodies are most
/// of what the cache holds.
extension BodyHTML {
    package var encoded: [UInt8] {
        var writer = CacheWriter(capacity: byteCount + 16 * fragments.count)
        writer.fragments(fragments)
        return writer.bytes
    }

    /// Nil when the bytes are not a body in this encoding.
    package init?(encoded bytes: [UInt8]) {
        var reader = CacheReader(bytes: bytes)
        guard let fragments = reader.fragments(), reader.atEnd else { return nil }
        self.init(fragments: fragments)
    }
}

private enum Tag: UInt8 {
    case html, lineEnd, document, plan, variants, page
}

private extension CacheWriter {
    mutating func fragments(_ fragments: [BodyHTML.Fragment]) {
        array(fragments) { writer, fragment in
            switch fragment {
            case .html(let text):
                writer.tag(.html)
                writer.string(text)
            case .lineEnd:
                writer.tag(.lineEnd)
            case .href(.document(let key)):
                writer.tag(.document)
                writer.string(key)
            case .href(.plan(let org, let year, let id)):
                writer.tag(.plan)
                writer.string(org)
                writer.integer(year)
                writer.string(id)
            case .href(.page(let path, let fragment)):
                writer.tag(.page)
                writer.string(path)
                writer.optional(fragment) { $0.string($1) }
            case .variants(let web, let print):
                writer.tag(.variants)
                writer.fragments(web)
                writer.fragments(print)
            }
        }
    }

    mutating func tag(_ tag: Tag) { byte(tag.rawValue) }
}

private extension CacheReader {
    mutating func fragments() -> [BodyHTML.Fragment]? {
        array { reader -> BodyHTML.Fragment? in
            guard let tag = reader.byte().flatMap(Tag.init) else { return nil }
            switch tag {
            case .html: return reader.string().map { .html($0) }
            case .lineEnd: return .lineEnd
            case .document: return reader.string().map { .href(.document(key: $0)) }
            case .plan:
                guard let org = reader.string(), let year = reader.integer(), let id = reader.string() else { return nil }
                return .href(.plan(org: org, year: year, id: id))
            case .page:
                guard let path = reader.string(), let fragment = reader.optional({ $0.string() }) else { return nil }
                return .href(.page(path: path, fragment: fragment))
            case .variants:
                guard let web = reader.fragments(), let print = reader.fragments() else { return nil }
                return .variants(web: web, print: print)
            }
        }
    }
}
