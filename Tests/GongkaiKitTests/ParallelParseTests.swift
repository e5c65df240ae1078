import Foundation
import Synchronization
import Testing
@testable import GongkaiBase
@testable import GongkaiRender
@testable import GongkaiSyntax

/// Markdown is parsed on every core, with only cmark-gfm's finish one at a time. The race that lock prevents (the
/// library's shared table of special characters, github/cmark-gfm PR #176) drops strikethrough and autolinks
/// silently, so every parse on many threads must give byte for byte what one thread gives.
@Suite struct ParallelParseTests {
    static func documents() -> [String] {
        (0..<300).map { index in
            """
            ## 第\(index)节

            | 项目 | 数量 |
            |:--|--:|
            | ~~旧~~ | \(index) |
            | ~单~ | [链接](https://example.org/\(index)) |

            删除 ~~线\(index)~~ 与 ~~*强调*~~，网址 www.example\(index).com、http://example.org/a?\(index) 与 someone\(index)@example.org。

            - [x] 已办 ~~\(index)~~
            - [ ] 未办 https://example.com/\(index)
            """
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func parsesOnManyThreadsMatchOneThreadByteForByte() {
        let documents = Self.documents()
        let reference = documents.map { markdown -> String in
            var renderer = HTMLRenderer()
            return renderer.render(MarkdownParser.parse(markdown))
        }
        #expect(reference.allSatisfy { $0.contains("<del>") && $0.contains("<a href=\"http://www.example") })
        let rounds = 20
        // More threads than cores: finishes of different parses are forced to interleave.
        let jobs = (0..<(rounds * documents.count)).map { $0 % documents.count }
        let mismatches = LockedTally()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for job in stride(from: thread, to: jobs.count, by: 8) {
                var renderer = HTMLRenderer()
                let index = jobs[job]
                if renderer.render(MarkdownParser.parse(documents[index])) != reference[index] { mismatches.add() }
            }
        }
        #expect(mismatches.count == 0, "\(mismatches.count) of \(jobs.count) parses differ from one thread's")
    }
}

/// Counts from any thread.
final class LockedTally: Sendable {
    private let value = Mutex(0)

    func add() { value.withLock { $0 += 1 } }

    var count: Int { value.withLock { $0 } }
}
