import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The build cache's encoding: integers as 8 little-endian bytes, strings as their length and UTF-8, optionals
/// with a presence byte, arrays with their count. Written by hand for the few types the cache keeps: Foundation's
/// JSON decoder spent 0.7 s on the 18 MB of report models a 500-report portal has, most of a rebuild that changed
/// nothing; this reads them in a few milliseconds. Adding a field to a kept type breaks the compilation of its
/// reading here, and `BuildCacheTests` round-trips every field of real reports.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func integer(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes += $0 }
    }

    mutating func unsigned(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func string(_ text: String) {
        integer(text.utf8.count)
        bytes += text.utf8
    }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func optional<Value>(_ value: Value?, _ write: (inout CacheWriter, Value) -> Void) {
        flag(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<Element>(_ values: [Element], _ write: (inout CacheWriter, Element) -> Void) {
        integer(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `CacheWriter` wrote; every read is nil past the end or on bytes that cannot be what was written.
struct CacheReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func unsigned() -> UInt64? {
        guard bytes.count - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return value
    }

    mutating func integer() -> Int? { unsigned().map { Int(truncatingIfNeeded: Int64(bitPattern: $0)) } }

    mutating func string() -> String? {
        guard let length = integer(), length >= 0, length <= bytes.count - offset else { return nil }
        defer { offset += length }
        return String(validating: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func flag() -> Bool? {
        guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// `.some(nil)` for an absent value; nil when the bytes are damaged.
    mutating func optional<Value>(_ read: (inout CacheReader) -> Value?) -> Value?? {
        guard let present = flag() else { return nil }
        guard present else { return .some(nil) }
        return read(&self).map { .some($0) }
    }

    mutating func array<Element>(_ read: (inout CacheReader) -> Element?) -> [Element]? {
        // Each element takes at least one byte: a count larger than what is left is damage, not a reason to allocate.
        guard let count = integer(), count >= 0, count <= bytes.count - offset else { return nil }
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = read(&self) else { return nil }
            values.append(value)
        }
        return values
    }
}

// MARK: What a report entry holds

extension CacheWriter {
    mutating func report(_ report: Report) {
        string(report.org)
        integer(report.year)
        string(report.title)
        string(report.status.rawValue)
        optional(report.indexNumber) { $0.string($1) }
        optional(report.documentNumber) { $0.string($1) }
        optional(report.written) { $0.date($1) }
        date(report.published)
        fieldList(report.frontMatter)
        array(report.documents) { writer, document in
            writer.string(document.key)
            writer.string(document.title)
            writer.optional(document.issued) { $0.date($1) }
            writer.optional(document.effective) { $0.date($1) }
            writer.optional(document.number) { $0.string($1) }
            writer.optional(document.kind) { $0.string($1) }
            writer.optional(document.issuer) { $0.string($1) }
            writer.fieldList(document.fields)
            writer.optional(document.declaredAt) { $0.location($1) }
        }
        string(report.sourcePath)
        array(report.headings) { writer, heading in
            writer.integer(heading.level)
            writer.string(heading.number)
            writer.string(heading.title)
            writer.string(heading.id)
            writer.string(heading.text)
        }
        string(report.leadText)
        array(report.figures) { writer, figure in
            writer.string(figure.metric)
            writer.string(figure.text)
            writer.unsigned(figure.value.bitPattern)
            writer.string(figure.valueText)
            writer.optional(figure.qualifier) { $0.string($1.rawValue) }
            writer.string(figure.unit)
            writer.string(figure.anchor)
            writer.string(figure.section)
        }
        array(report.mentions) { writer, mention in
            writer.string(mention.key)
            writer.string(mention.anchor)
            writer.string(mention.section)
        }
        array(report.planItems) { writer, item in
            writer.string(item.id)
            writer.string(item.number)
            writer.string(item.title)
            writer.string(item.text)
        }
        array(report.planReferences) { writer, reference in
            writer.string(reference.org)
            writer.integer(reference.year)
            writer.string(reference.id)
            writer.location(reference.location)
            writer.string(reference.anchor)
            writer.string(reference.section)
        }
        array(report.pageReferences) { writer, reference in
            writer.string(reference.path)
            writer.optional(reference.fragment) { $0.string($1) }
            writer.string(reference.written)
            writer.location(reference.location)
        }
        unsigned(report.listingFingerprints.summary)
        unsigned(report.listingFingerprints.figures)
        unsigned(report.listingFingerprints.documents)
    }

    mutating func fieldList(_ list: FieldList) {
        array(list.entries) { writer, entry in
            writer.string(entry.name)
            switch entry.value {
            case .text(let text):
                writer.byte(0)
                writer.string(text)
            case .date(let date):
                writer.byte(1)
                writer.date(date)
            case .flag(let flag):
                writer.byte(2)
                writer.flag(flag)
            case .list(let items):
                writer.byte(3)
                writer.array(items) { $0.string($1) }
            }
        }
    }

    mutating func date(_ date: SimpleDate) {
        integer(date.year)
        integer(date.month)
        integer(date.day)
    }

    mutating func location(_ location: SourceLocation) {
        string(location.file)
        integer(location.line)
        integer(location.column)
    }

    mutating func message(_ message: Message) {
        string(message.en)
        string(message.zh)
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.id)
        string(diagnostic.severity.rawValue)
        location(diagnostic.location)
        message(diagnostic.message)
        optional(diagnostic.hint) { $0.message($1) }
        array(diagnostic.related) { writer, related in
            writer.location(related.location)
            writer.message(related.message)
        }
        optional(diagnostic.fixIt) { writer, fixIt in
            writer.string(fixIt.original)
            writer.string(fixIt.replacement)
            writer.optional(fixIt.location) { $0.location($1) }
        }
    }

    mutating func status(_ status: FileStatus) {
        integer(status.size)
        integer(status.modifiedSeconds)
        integer(status.modifiedNanoseconds)
        unsigned(status.inode)
        integer(status.changedSeconds)
        integer(status.changedNanoseconds)
        string("\(status.kind)")
    }
}

extension CacheReader {
    mutating func report() -> Report? {
        guard let org = string(), let year = integer(), let title = string(), let status = string().flatMap(Report.Status.init),
              let indexNumber = optional({ $0.string() }), let documentNumber = optional({ $0.string() }),
              let written = optional({ $0.date() }), let published = date(), let frontMatter = fieldList(),
              let documents = array({ reader -> DeclaredDocument? in
                  guard let key = reader.string(), let title = reader.string(), let issued = reader.optional({ $0.date() }),
                        let effective = reader.optional({ $0.date() }), let number = reader.optional({ $0.string() }),
                        let kind = reader.optional({ $0.string() }), let issuer = reader.optional({ $0.string() }),
                        let fields = reader.fieldList(), let declaredAt = reader.optional({ $0.location() }) else { return nil }
                  return DeclaredDocument(key: key, title: title, issued: issued, effective: effective, number: number, kind: kind,
                                          issuer: issuer, fields: fields, declaredAt: declaredAt)
              }),
              let sourcePath = string(),
              let headings = array({ reader -> HeadingEntry? in
                  guard let level = reader.integer(), let number = reader.string(), let title = reader.string(),
                        let id = reader.string(), let text = reader.string() else { return nil }
                  return HeadingEntry(level: level, number: number, title: title, id: id, text: text)
              }),
              let leadText = string(),
              let figures = array({ reader -> Figure? in
                  guard let metric = reader.string(), let text = reader.string(), let value = reader.unsigned(),
                        let valueText = reader.string(),
                        let qualifier = reader.optional({ $0.string().flatMap(Figure.Qualifier.init) }), let unit = reader.string(),
                        let anchor = reader.string(), let section = reader.string()
                  else { return nil }
                  return Figure(metric: metric, text: text, value: Double(bitPattern: value), valueText: valueText,
                                qualifier: qualifier, unit: unit, anchor: anchor, section: section)
              }),
              let mentions = array({ reader -> DocumentMention? in
                  guard let key = reader.string(), let anchor = reader.string(), let section = reader.string() else { return nil }
                  return DocumentMention(key: key, anchor: anchor, section: section)
              }),
              let planItems = array({ reader -> PlanItem? in
                  guard let id = reader.string(), let number = reader.string(), let title = reader.string(), let text = reader.string() else { return nil }
                  return PlanItem(id: id, number: number, title: title, text: text)
              }),
              let planReferences = array({ reader -> PlanReference? in
                  guard let org = reader.string(), let year = reader.integer(), let id = reader.string(),
                        let location = reader.location(), let anchor = reader.string(), let section = reader.string() else { return nil }
                  return PlanReference(org: org, year: year, id: id, location: location, anchor: anchor, section: section)
              }),
              let pageReferences = array({ reader -> PageReference? in
                  guard let path = reader.string(), let fragment = reader.optional({ $0.string() }), let written = reader.string(),
                        let location = reader.location() else { return nil }
                  return PageReference(path: path, fragment: fragment, written: written, location: location)
              }),
              let summary = unsigned(), let figuresListed = unsigned(), let documentsListed = unsigned()
        else { return nil }
        return Report(org: org, year: year, title: title, status: status, indexNumber: indexNumber, documentNumber: documentNumber,
                      written: written, published: published, documents: documents, frontMatter: frontMatter, sourcePath: sourcePath, body: .empty,
                      headings: headings, leadText: leadText, figures: figures, mentions: mentions, planItems: planItems, planReferences: planReferences,
                      pageReferences: pageReferences, listingFingerprints: (summary, figuresListed, documentsListed))
    }

    mutating func fieldList() -> FieldList? {
        array { reader -> FieldList.Entry? in
            guard let name = reader.string(), let kind = reader.byte() else { return nil }
            let value: FieldList.Value?
            switch kind {
            case 0: value = reader.string().map { .text($0) }
            case 1: value = reader.date().map { .date($0) }
            case 2: value = reader.flag().map { .flag($0) }
            case 3: value = reader.array { $0.string() }.map { .list($0) }
            default: value = nil
            }
            return value.map { FieldList.Entry(name: name, value: $0) }
        }.map(FieldList.init)
    }

    mutating func date() -> SimpleDate? {
        guard let year = integer(), let month = integer(), let day = integer() else { return nil }
        return SimpleDate(year: year, month: month, day: day)
    }

    mutating func location() -> SourceLocation? {
        guard let file = string(), let line = integer(), let column = integer() else { return nil }
        return SourceLocation(file: file, line: line, column: column)
    }

    mutating func message() -> Message? {
        guard let en = string(), let zh = string() else { return nil }
        return Message(en: en, zh: zh)
    }

    mutating func diagnostic() -> Diagnostic? {
        guard let id = string(), let severity = string().flatMap(Diagnostic.Severity.init), let location = location(),
              let message = message(), let hint = optional({ $0.message() }),
              let related = array({ reader -> RelatedLocation? in
                  guard let location = reader.location(), let message = reader.message() else { return nil }
                  return RelatedLocation(location, message)
              }),
              let fixIt = optional({ reader -> FixIt? in
                  guard let original = reader.string(), let replacement = reader.string(),
                        let location = reader.optional({ $0.location() }) else { return nil }
                  return FixIt(original: original, replacement: replacement, location: location)
              })
        else { return nil }
        return Diagnostic(id: id, severity: severity, location: location, message: message, hint: hint, related: related, fixIt: fixIt)
    }

    mutating func status() -> FileStatus? {
        guard let size = integer(), let seconds = integer(), let nanoseconds = integer(), let inode = unsigned(),
              let changedSeconds = integer(), let changedNanoseconds = integer(),
              let kind = string().flatMap({ name in [FileStatus.Kind.file, .directory, .symbolicLink, .other].first { "\($0)" == name } })
        else { return nil }
        return FileStatus(kind: kind, size: size, modifiedSeconds: seconds, modifiedNanoseconds: nanoseconds, inode: inode,
                          changedSeconds: changedSeconds, changedNanoseconds: changedNanoseconds)
    }
}
