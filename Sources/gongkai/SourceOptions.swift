import ArgumentParser
import Foundation
import GongkaiBase
import GongkaiKit
import GongkaiModel
import GongkaiOutput

/// The folders every command reads, shared by `build`, `check`, `serve` and `pdf`, and the build cache they share.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: portal.yaml, schema.yaml and orgs/.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("The templates folder: *.mustache and assets/.", valueName: "dir"))
    var templates = "Templates"

    @OptionGroup var cache: CacheOptions

    var builderOptions: Builder.Options {
        var options = Builder.Options(contentDirectory: URL(fileURLWithPath: content), templatesDirectory: URL(fileURLWithPath: templates),
                                      contentDisplayName: content.trimmingSlash, templatesDisplayName: templates.trimmingSlash)
        options.cache = cache.buildCache(content: content)
        return options
    }
}

/// Where builds keep what the next one reuses.
struct CacheOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The build cache folder (default: .gongkai-cache beside the content folder).", valueName: "dir"))
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "Read and render everything, without reading or writing the build cache.")
    var noCache = false

    /// The cache folder: given, or `.gongkai-cache` in the folder that holds the content folder (the project's), not
    /// beside the output, which may be a web server's folder.
    static func folder(_ cache: String?, content: String) -> URL {
        cache.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".gongkai-cache")
    }

    func buildCache(content: String) -> BuildCache? {
        noCache ? nil : BuildCache(directory: Self.folder(cache, content: content), tool: GongkaiVersion.identity)
    }
}

private extension String {
    var trimmingSlash: String {
        var text = self
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
