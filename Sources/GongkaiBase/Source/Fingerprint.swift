import Foundation

/// Fast 64-bit fingerprints of bytes and strings for caches and ETags (not for security): FNV-1a for short strings,
/// a word-at-a-time mix for files.
package enum Fingerprint {
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Of a file's bytes: eight at a time, which on the megabytes a portal's reports and the build cache hold is
    /// several times faster than FNV's byte at a time. Each step is a bijection of the state for a given word, so a
    /// change to any one word always changes the result; the length goes in first, so a truncated copy differs too.
    package static func of(_ data: Data, startingWith seed: UInt64 = offsetBasis) -> UInt64 {
        data.withUnsafeBytes { words($0, seed: seed) }
    }

    package static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { words($0, seed: offsetBasis) }
    }

    private static func words(_ buffer: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var hash = seed ^ (UInt64(buffer.count) &* prime)
        var index = 0
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        while index + 8 <= buffer.count {
            mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        var tail: UInt64 = 0
        for offset in 0..<(buffer.count - index) { tail |= UInt64(buffer[index + offset]) << UInt64(8 * offset) }
        mix(tail)
        return hash
    }

    /// Of strings in order, each ended by a NUL so that ["ab", "c"] and ["a", "bc"] differ.
    package static func of(_ strings: [String]) -> UInt64 {
        var hash = offsetBasis
        for string in strings {
            for byte in string.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
            hash = (hash ^ 0) &* prime
        }
        return hash
    }

    /// Of fingerprints in order.
    package static func combining(_ values: [UInt64]) -> UInt64 {
        var hash = offsetBasis
        for value in values {
            for shift in stride(from: 0, to: 64, by: 8) { hash = (hash ^ ((value >> UInt64(shift)) & 0xFF)) &* prime }
        }
        return hash
    }

    package static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
