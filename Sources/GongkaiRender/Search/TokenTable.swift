/// A table from token keys to a number each (a count, a list's number), by open addressing with linear probing:
/// counting tens of millions of tokens through `Dictionary` spent most of the index's time hashing. One table can
/// serve entry after entry: `removeAll` clears only the slots in use. Keys are never 0 (`SearchTokenizer.Key`), so 0
/// marks a free slot.
struct TokenTable {
    private var keys: [UInt64]
    private var values: [UInt32]
    /// The slots in use, in the order their keys came.
    private var used: [Int] = []
    private var shift: UInt64

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The key's slot, taken for it (its value 0) when the key is new. Good until the next call.
    @inline(__always)
    mutating func slot(of key: UInt64) -> (slot: Int, isNew: Bool) {
        if used.count * 2 >= keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let held = keys[slot]
            if held == key { return (slot, false) }
            if held == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = 0
        used.append(slot)
        return (slot, true)
    }

    subscript(slot: Int) -> UInt32 {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    /// Every key with its value, in the order the keys came.
    func forEach(_ body: (UInt64, UInt32) -> Void) {
        for slot in used { body(keys[slot], values[slot]) }
    }

    mutating func removeAll() {
        for slot in used { keys[slot] = 0 }
        used.removeAll(keepingCapacity: true)
    }

    private mutating func grow() {
        var larger = TokenTable(capacity: keys.count)
        forEach { key, value in larger[larger.slot(of: key).slot] = value }
        self = larger
    }
}
