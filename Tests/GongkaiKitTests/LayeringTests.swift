import Foundation
import Testing

/// The engine's layers import only the layers below them: SwiftPM builds a module that a target does not declare
/// as a dependency if another target built it first, so the declared dependencies alone do not hold the line.
@Suite struct LayeringTests {
    /// Each target, with the targets of the project it may import.
    static let allowed: [String: Set<String>] = [
        "GongkaiBase": [],
        "GongkaiSyntax": ["GongkaiBase", "CCmarkGFM"],
        "GongkaiModel": ["GongkaiBase", "GongkaiSyntax"],
        "GongkaiAnalysis": ["GongkaiBase", "GongkaiSyntax", "GongkaiModel"],
        "GongkaiRender": ["GongkaiBase", "GongkaiSyntax", "GongkaiModel"],
        "GongkaiOutput": ["GongkaiBase", "GongkaiRender"],
        "GongkaiKit": ["GongkaiBase", "GongkaiSyntax", "GongkaiModel", "GongkaiAnalysis", "GongkaiRender", "GongkaiOutput"],
        "gongkai": ["GongkaiBase", "GongkaiModel", "GongkaiOutput", "GongkaiKit"],
    ]

    @Test func noTargetImportsALayerAboveIt() throws {
        let sources = Repository.root.appendingPathComponent("Sources")
        let project = Set(Self.allowed.keys).union(["CCmarkGFM"])
        var found: [String: Set<String>] = [:]
        for target in Self.allowed.keys {
            let folder = sources.appendingPathComponent(target)
            let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            for case let url as URL in enumerator where url.pathExtension == "swift" {
                for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where line.hasPrefix("import ") {
                    let module = String(line.dropFirst("import ".count))
                    guard project.contains(module) else { continue }
                    if !Self.allowed[target, default: []].contains(module) {
                        Issue.record("\(target)/\(url.lastPathComponent) imports \(module), which is not below it")
                    }
                    found[target, default: []].insert(module)
                }
            }
        }
        // The only reading code the command line has is its own: it never reaches into analysis, syntax or render.
        #expect(found["gongkai"]?.isDisjoint(with: ["GongkaiSyntax", "GongkaiAnalysis", "GongkaiRender"]) == true)
        #expect(found.count == Self.allowed.count - 1, "every target but the base imports another: \(found.keys.sorted())")
    }
}
