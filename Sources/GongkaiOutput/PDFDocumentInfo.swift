import Foundation
import GongkaiBase

/// Sets a PDF's document information (title, author, subject, keywords) by an incremental update: the original
/// bytes stay as they are and a new Info object, cross-reference section and trailer are appended. Chromium writes
/// only the title; the archive wants the issuing organisation as author and a subject.
public enum PDFDocumentInfo {
    public struct Fields: Sendable {
        public var title: String
        public var author: String
        public var subject: String
        public var keywords: String

        public init(title: String, author: String, subject: String, keywords: String) {
            self.title = title
            self.author = author
            self.subject = subject
            self.keywords = keywords
        }
    }

    public enum Failure: Error, Equatable {
        case notAPDF
        case noTrailer
    }

    public static func updating(_ pdf: Data, with fields: Fields) throws -> Data {
        guard pdf.starts(with: Data("%PDF-".utf8)) else { throw Failure.notAPDF }
        // The trailer keys are ASCII; reading the tail as Latin-1 keeps every byte offset intact.
        let tail = String(decoding: pdf.suffix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self)
        guard let startxref = lastInteger(after: "startxref", in: tail),
              let size = lastInteger(after: "/Size", in: tail),
              let root = lastReference(after: "/Root", in: tail) else { throw Failure.noTrailer }
        let existingInfo = lastReference(after: "/Info", in: tail)
        let infoNumber = existingInfo?.number ?? size
        let newSize = existingInfo == nil ? size + 1 : size

        let separator = pdf.last == UInt8(ascii: "\n") ? "" : "\n"
        let object = "\(infoNumber) 0 obj\n<</Title \(hexString(fields.title)) /Author \(hexString(fields.author))"
            + " /Subject \(hexString(fields.subject)) /Keywords \(hexString(fields.keywords)) /Creator (Gongkai)>>\nendobj\n"
        let objectOffset = pdf.count + separator.utf8.count
        let xrefOffset = objectOffset + object.utf8.count
        // Cross-reference entries are exactly 20 bytes: 10-digit offset, 5-digit generation, type, two-byte end.
        let update = separator + object
            + "xref\n\(infoNumber) 1\n\(String(format: "%010d", objectOffset)) 00000 n \n"
            + "trailer\n<</Size \(newSize) /Root \(root.number) \(root.generation) R /Info \(infoNumber) 0 R /Prev \(startxref)>>\n"
            + "startxref\n\(xrefOffset)\n%%EOF\n"
        return pdf + Data(update.utf8)
    }

    /// A text string as UTF-16BE with a byte-order mark, in hex: safe for any characters.
    package static func hexString(_ text: String) -> String {
        var hex = "<FEFF"
        for unit in text.utf16 { hex += String(format: "%04X", unit) }
        return hex + ">"
    }

    private static func lastInteger(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key, options: .backwards) else { return nil }
        let digits = text[range.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }.prefix { $0.isNumber }
        return Int(digits)
    }

    private static func lastReference(after key: String, in text: String) -> (number: Int, generation: Int)? {
        guard let range = text.range(of: key, options: .backwards) else { return nil }
        let parts = text[range.upperBound...].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).prefix(3)
        guard parts.count == 3, let number = Int(parts[0]), let generation = Int(parts[1]), parts[2].hasPrefix("R") else { return nil }
        return (number, generation)
    }
}
