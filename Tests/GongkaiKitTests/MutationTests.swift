import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// Random damage to the sample report — byte flips, truncations, deleted and duplicated lines, inserted Markdown and
/// YAML punctuation — must always end in a clean read or at least one located diagnostic: never a crash or a hang.
@Suite struct MutationTests {
    static let mutationCount = 10_000

    /// A small deterministic generator (SplitMix64), so a failing mutation can be reproduced from its number.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let punctuation: [String] = ["---", "**", "*", "_", "[", "](", "](metric:", "](doc:", "](plan:", "{#", "}", "#", "## ",
                                        "> ", "- ", "|", "`", "```", "<", ">", "&", ":", ": ", "&a", "*a", "!!", "\t", "\"", "'",
                                        "{", "[[", "%", "。**", "\u{FEFF}", "\r\n", "\0"]

    static func mutate(_ bytes: [UInt8], using random: inout SplitMix) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            guard !bytes.isEmpty else { break }
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0:
                bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1:
                bytes.removeSubrange(position...)
            case 2, 3:
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                let line = Int.random(in: 0..<lines.count, using: &random)
                if Bool.random(using: &random) { lines.remove(at: line) } else { lines.insert(lines[line], at: line) }
                bytes = Array(lines.joined(separator: [10]))
            default:
                bytes.insert(contentsOf: Array(punctuation.randomElement(using: &random)!.utf8), at: position)
            }
        }
        return bytes
    }

    @Test(.timeLimit(.minutes(5)))
    func randomDamageNeverCrashesAndAlwaysSaysWhere() throws {
        let loaded = ContentLoader(contentDirectory: Repository.content).load()
        let schema = try #require(loaded.site?.schema)
        let original = try [UInt8](Data(contentsOf: Repository.content.appendingPathComponent("orgs/hs-gdb/2023.md")))
        let reader = ReportReader(schema: schema, allowsRawHTML: false)
        var random = SplitMix(state: 2023)
        var clean = 0
        for number in 0..<Self.mutationCount {
            let mutated = Self.mutate(original, using: &random)
            var diagnostics: [Diagnostic] = []
            var report: Report?
            if let file = SourceReader.decode(Data(mutated), displayPath: "2023.md", into: &diagnostics) {
                report = reader.read(file, orgFolder: "hs-gdb", fileYear: 2023, into: &diagnostics)?.report
                if let report { diagnostics += CrossReferenceCheck.run(reports: [report]) }
            }
            if diagnostics.isEmpty {
                #expect(report != nil, "mutation \(number) gave neither a report nor a diagnostic")
                clean += 1
            }
            // Every location lies inside the file as an editor shows it: a line it has, a column on that line or
            // just after its end. Invalid bytes show as one replacement character each, never as a line break.
            let shown = SourceFile(path: "2023.md", text: String(decoding: mutated, as: UTF8.self))
            for diagnostic in diagnostics {
                let location = diagnostic.location
                if location.line < 1 || location.column < 1 || location.file.isEmpty {
                    Issue.record("mutation \(number): \(diagnostic.id) has no location: \(location)")
                } else if location.line > shown.lineCount || location.column > shown.line(location.line).unicodeScalars.count + 1 {
                    Issue.record("mutation \(number): \(diagnostic.id) at \(location) lies outside the file (\(shown.lineCount) lines)")
                }
            }
        }
        // Most damage is noticed; some (a flipped letter in a sentence) is harmless and reads cleanly.
        #expect(clean < Self.mutationCount / 2)
    }
}
