import ArgumentParser

@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Builds government transparency portals and printable annual reports from Markdown.",
        version: GongkaiVersion.string,
        subcommands: [BuildCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

enum GongkaiVersion {
    static let string = "0.1.0"
}
