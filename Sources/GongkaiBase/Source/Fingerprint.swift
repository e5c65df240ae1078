import Foundation

/// FNV-1a, 64 bits: a fast fingerprint of bytes for caches and ETags (not for security).
package enum Fingerprint {
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01B3

    package static func of(_ data: Data, startingWith seed: UInt64 = offsetBasis) -> UInt64 {
        data.withUnsafeBytes { bytes in
            var hash = seed
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* prime
            }
            return hash
        }
    }

    package static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { buffer in
            var hash = offsetBasis
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* prime }
            return hash
        }
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
