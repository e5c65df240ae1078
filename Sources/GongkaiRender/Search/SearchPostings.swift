import GongkaiBase

/// Which entries hold each token, and how strongly: what the shards are written from.
///
/// Counted on every core in two steps per window of entries, so that memory stays at the size of the lists, not
/// of every token seen: batches of consecutive entries count their tokens apart (one table per batch, reused entry
/// after entry) and split them by a hash of the key into partitions; then each partition, on its own core, appends
/// the window's postings to its lists batch after batch, so every list stays in entry order.
package struct SearchPostings: Sendable {
    package struct List: Sendable {
        package let key: SearchTokenizer.Key
        package let text: String
        /// The entries, ascending, each a LEB128 varint of `gap << 3 | weight`: the gap from the entry before (the
        /// first from −1) and the weight, `level << 1 | inTitle`, the level the count's (1, 2, 3–4, 5 or more).
        package let postings: [UInt8]
    }

    /// Every token's list, by key.
    package let lists: [List]

    package static func weight(count: Int, inTitle: Bool) -> Int {
        let level = count >= 5 ? 3 : count >= 3 ? 2 : count - 1
        return level << 1 | (inTitle ? 1 : 0)
    }

    /// LEB128: seven bits a byte, low first, the top bit set on every byte but the last.
    @inline(__always)
    package static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static let partitionBits = 3
    private static let batchSize = 64
    private static let windowBatches = 32

    package init(entries: [SearchEntry], parallel: Bool = true) {
        let partitions = (0..<(1 << Self.partitionBits)).map { _ in Partition() }
        let batches = stride(from: 0, to: entries.count, by: Self.batchSize).map { $0..<min($0 + Self.batchSize, entries.count) }
        for window in stride(from: 0, to: batches.count, by: Self.windowBatches) {
            let counted = ParallelMap.map(Array(batches[window..<min(window + Self.windowBatches, batches.count)]), parallel: parallel) {
                Batch(entries, $0)
            }
            _ = ParallelMap.map(partitions.indices.map { $0 }, parallel: parallel) { part in
                for batch in counted { partitions[part].add(batch, part: part) }
                return 0
            }
        }
        lists = partitions.flatMap { $0.lists() }.sorted { $0.key < $1.key }
    }

    @inline(__always)
    fileprivate static func partition(of key: SearchTokenizer.Key) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> UInt64(64 - partitionBits))
    }

    /// One batch's postings, split by partition: `keys[p][i]` is held by entry `postings[p][i] >> 3` with weight
    /// `postings[p][i] & 7`, entries ascending.
    private struct Batch: Sendable {
        static let basicBlock: Range<UInt64> = 0x4E00..<0xA000

        var keys: [[UInt64]]
        var postings: [[UInt32]]
        /// The words first seen here, by key.
        var words: [UInt64: String] = [:]

        init(_ entries: [SearchEntry], _ range: Range<Int>) {
            let count = 1 << SearchPostings.partitionBits
            keys = Array(repeating: [], count: count)
            postings = Array(repeating: [], count: count)
            // A count's top bit says the token is in the title. Ideographs of the basic block, half of all tokens, are
            // counted in an array by scalar (`seen` lists those counted), everything else in the table.
            var table = TokenTable(), basic = [UInt32](repeating: 0, count: Self.basicBlock.count), seen: [Int] = []
            var words: [UInt64: String] = [:]
            func noteWord(_ key: UInt64, _ letters: [UInt32]) {
                if words[key] == nil { words[key] = SearchTokenizer.string(letters) }
            }
            func post(_ key: UInt64, _ count: UInt32, entry: Int) {
                let weight = SearchPostings.weight(count: Int(count & 0x7FFF_FFFF), inTitle: count >> 31 != 0)
                let part = SearchPostings.partition(of: key)
                keys[part].append(key)
                postings[part].append(UInt32(entry) << 3 | UInt32(weight))
            }
            for index in range {
                for (text, flag) in [(entries[index].title, UInt32(1) << 31), (entries[index].text, 0)] {
                    SearchTokenizer.scan(text, word: noteWord) { key in
                        let wide = key &- Self.basicBlock.lowerBound  // wraps round below the block
                        if wide < UInt64(Self.basicBlock.count) {
                            let offset = Int(wide)
                            if basic[offset] == 0 { seen.append(offset) }
                            basic[offset] = (basic[offset] + 1) | flag
                        } else {
                            let slot = table.slot(of: key).slot
                            table[slot] = (table[slot] + 1) | flag
                        }
                    }
                }
                for offset in seen {
                    post(Self.basicBlock.lowerBound + UInt64(offset), basic[offset], entry: index)
                    basic[offset] = 0
                }
                seen.removeAll(keepingCapacity: true)
                table.forEach { post($0, $1, entry: index) }
                table.removeAll()
            }
            self.words = words
        }
    }

    /// The lists of the keys of one partition, grown window after window by one core at a time.
    private final class Partition: @unchecked Sendable {
        private var state = Lists()

        /// What the lists hold so far; taken out of the class while a batch is added, so that appending to them
        /// is not checked for exclusive access byte after byte.
        private struct Lists {
            /// Each key's list number.
            var table = TokenTable(capacity: 4096)
            var keys: [UInt64] = [], last: [Int32] = [], bytes: [[UInt8]] = []
            var words: [UInt64: String] = [:]
        }

        func add(_ batch: Batch, part: Int) {
            var lists = Lists()
            swap(&lists, &state)
            defer { swap(&lists, &state) }
            let keys = batch.keys[part], postings = batch.postings[part]
            for position in keys.indices {
                let key = keys[position], posting = postings[position]
                let (slot, isNew) = lists.table.slot(of: key)
                if isNew {
                    lists.table[slot] = UInt32(lists.keys.count)
                    lists.keys.append(key)
                    lists.last.append(-1)
                    lists.bytes.append([])
                    if SearchTokenizer.isWord(key) { lists.words[key] = batch.words[key] }
                }
                let number = Int(lists.table[slot]), entry = Int32(posting >> 3)
                SearchPostings.appendVarint(Int(entry - lists.last[number]) << 3 | Int(posting & 7), to: &lists.bytes[number])
                lists.last[number] = entry
            }
        }

        func lists() -> [List] {
            state.keys.enumerated().map { number, key in
                List(key: key, text: SearchTokenizer.isWord(key) ? state.words[key] ?? "" : SearchTokenizer.ideographs(key),
                     postings: state.bytes[number])
            }
        }
    }
}
