/// JSON written directly, keys in a fixed order: Foundation's encoder took a seventh of a build for 500 reports.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether a value or a close came last, so the next member or element follows a comma; an open does not.
    private var afterValue = false

    /// The separator and a member's key (inside an object), before its value.
    private mutating func next(_ key: String?) {
        if afterValue { bytes.append(UInt8(ascii: ",")) }
        if let key {
            string(key)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    mutating func open(_ key: String? = nil, array: Bool = false) {
        next(key)
        bytes.append(UInt8(ascii: array ? "[" : "{"))
        afterValue = false
    }

    mutating func close(array: Bool = false) {
        bytes.append(UInt8(ascii: array ? "]" : "}"))
        afterValue = true
    }

    mutating func text(_ key: String?, _ value: String?) {
        next(key)
        if let value { string(value) } else { bytes += "null".utf8 }
        afterValue = true
    }

    /// A number from its exact decimal digits, or `true`, `false`, `null`: written as given.
    mutating func number(_ key: String?, _ digits: String) {
        next(key)
        bytes += digits.utf8
        afterValue = true
    }

    mutating func integer(_ key: String?, _ value: Int) { number(key, String(value)) }

    mutating func bool(_ key: String?, _ value: Bool) { number(key, value ? "true" : "false") }

    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs between escapes are copied whole, not byte by byte: a section's text has a line break every line.
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case ..<0x20: bytes += Array("u00".utf8) + Array(String(byte, radix: 16).leftPadded.utf8)
                default: bytes.append(byte)
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

private extension String {
    /// Two hex digits.
    var leftPadded: String { count == 1 ? "0" + self : self }
}
