import Foundation
import GongkaiBase

/// One entry of the build cache on disk: a header naming the format, then sections, each with its length and a
/// checksum of its bytes. A section is read only when it is needed (a report's body only for the pages rendered
/// again), and one whose bytes do not match its checksum — a truncated file, a flipped byte — is never used: the
/// caller rebuilds what it held. Entries are written to a temporary file and renamed into place, so a build
/// stopped half way leaves the old entry or the new one, never a mix.
package enum CacheFile {
    /// "GKCACHE" and the format's number: raised whenever the layout of an entry changes.
    private static let magic: [UInt8] = Array("GKCACHE".utf8) + [2]
    private static let headerSize = magic.count + 4

    /// Writes the sections to `path` atomically; false when the cache cannot be written (a build never fails for it).
    /// The header and the sections go out in one `writev`, without copying a body's bytes into one buffer first.
    @discardableResult
    package static func write(_ sections: [[UInt8]], to path: String) -> Bool {
        var header = magic
        append(UInt32(sections.count), to: &header)
        for section in sections {
            append(UInt64(section.count), to: &header)
            append(Fingerprint.of(section), to: &header)
        }
        let temporary = "\(path).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let total = header.count + sections.reduce(0) { $0 + $1.count }
        let written = withBuffers([header] + sections) { buffers in writev(descriptor, buffers, Int32(buffers.count)) }
        close(descriptor)
        // A short write (a full disk) leaves no entry: the file is complete or not there.
        guard written == total, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// The arrays as `iovec`s, valid while `body` runs.
    private static func withBuffers<Result>(_ arrays: [[UInt8]], _ body: ([iovec]) -> Result) -> Result {
        func nest(_ index: Int, _ buffers: [iovec]) -> Result {
            guard index < arrays.count else { return body(buffers) }
            return arrays[index].withUnsafeBytes { bytes in
                nest(index + 1, buffers + [iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count)])
            }
        }
        return nest(0, [])
    }

    /// An entry opened for reading: its table of sections, checked against the file's length.
    package struct Reader: ~Copyable {
        private let descriptor: Int32
        private let sections: [(offset: Int, length: Int, checksum: UInt64)]

        /// Nil when there is no entry, or its header is not this format's or does not add up to the file's length.
        package init?(path: String) {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            var info = stat()
            guard fstat(descriptor, &info) == 0, let header = CacheFile.read(descriptor, at: 0, count: CacheFile.headerSize),
                  Array(header.prefix(CacheFile.magic.count)) == CacheFile.magic else {
                close(descriptor)
                return nil
            }
            let count = Int(CacheFile.integer(UInt32.self, in: header, at: CacheFile.magic.count))
            guard count < 64, let table = CacheFile.read(descriptor, at: CacheFile.headerSize, count: count * 16) else {
                close(descriptor)
                return nil
            }
            var offset = CacheFile.headerSize + count * 16
            var sections: [(offset: Int, length: Int, checksum: UInt64)] = []
            for index in 0..<count {
                let length = Int(clamping: CacheFile.integer(UInt64.self, in: table, at: index * 16))
                sections.append((offset, length, CacheFile.integer(UInt64.self, in: table, at: index * 16 + 8)))
                offset = offset.addingReportingOverflow(length).partialValue
            }
            guard offset == Int(info.st_size) else {
                close(descriptor)
                return nil
            }
            self.descriptor = descriptor
            self.sections = sections
        }

        deinit { close(descriptor) }

        /// The section's bytes; nil when there is no such section or its bytes do not match their checksum.
        package func section(_ index: Int) -> [UInt8]? {
            guard sections.indices.contains(index) else { return nil }
            let section = sections[index]
            guard let bytes = CacheFile.read(descriptor, at: section.offset, count: section.length),
                  Fingerprint.of(bytes) == section.checksum else { return nil }
            return bytes
        }
    }

    private static func read(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }

    private static func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    private static func integer<Integer: FixedWidthInteger>(_: Integer.Type, in bytes: [UInt8], at offset: Int) -> Integer {
        var value = Integer.zero
        for index in (0..<MemoryLayout<Integer>.size).reversed() { value = value << 8 | Integer(bytes[offset + index]) }
        return value
    }
}
