import ArgumentParser
import Foundation
import GongkaiKit

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Removes the build cache, so the next build reads and renders everything.",
        discussion: "The output folder is left as it is; the next build replaces it as usual."
    )

    @Option(name: .long, help: ArgumentHelp("The content folder; the cache is beside it.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("The build cache folder (default: .gongkai-cache beside the content folder).", valueName: "dir"))
    var cache: String?

    func run() throws {
        let folder = CacheOptions.folder(cache, content: content)
        do {
            print(try BuildCache.clean(folder) ? "removed \(folder.path)" : "no build cache at \(folder.path)")
        } catch {
            FileHandle.standardError.write(Data("error: could not remove \(folder.path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }
}
