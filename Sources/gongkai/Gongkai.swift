import ArgumentParser
import Foundation
import GongkaiBase

@main
struct Gongkai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Builds government transparency portals and printable annual reports from Markdown.",
        version: GongkaiVersion.string,
        subcommands: [BuildCommand.self, CheckCommand.self, PDFCommand.self, ServeCommand.self, CleanCommand.self, ExplainCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Usage mistakes exit with 2, as `check` documents, instead of ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum GongkaiVersion {
    static let string = "0.1.0"

    /// The version and this executable's size and modification time: what the build cache is keyed by, so a
    /// rebuilt Gongkai (a new version, or a developer's change without one) never uses an older one's results.
    static var identity: String {
        guard let status = FileStatus(path: "/proc/self/exe", followingLinks: true) else { return string }
        return "\(string)+\(status.size).\(status.modifiedSeconds).\(status.modifiedNanoseconds)"
    }
}
