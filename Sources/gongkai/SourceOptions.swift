import ArgumentParser
import Foundation
import GongkaiBase
import GongkaiKit
import GongkaiModel
import GongkaiOutput

/// The folders every command reads, shared by `build`, `check`, `serve` and `pdf`.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: portal.yaml, schema.yaml and orgs/.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("The templates folder: *.mustache and assets/.", valueName: "dir"))
    var templates = "Templates"

    var builderOptions: Builder.Options {
        Builder.Options(contentDirectory: URL(fileURLWithPath: content), templatesDirectory: URL(fileURLWithPath: templates),
                        contentDisplayName: content.trimmingSlash, templatesDisplayName: templates.trimmingSlash)
    }
}

private extension String {
    var trimmingSlash: String {
        var text = self
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
