import ArgumentParser
import Foundation
import GongkaiBase
import GongkaiKit
import GongkaiModel
import GongkaiOutput
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Previews the portal: builds it into memory, rebuilds on every save and reloads the browser.",
        discussion: """
            Watches the content and templates folders. When the sources have errors the last good site stays \
            served and every page shows them in an overlay; the server never stops because of content. \
            Ctrl-C stops it.
            """
    )

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("The address to listen on; anything but loopback exposes unpublished drafts.", valueName: "address"))
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Show reports with `status: draft`, marked 草稿.")
    var drafts = false

    @Option(name: .long, help: ArgumentHelp("Language of messages: zh or en.", valueName: "lang"))
    var lang: Language = .zh

    func run() async throws {
        let messages = ServeMessages(language: lang)
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            FileHandle.standardError.write(Data((messages.exposed(host: host) + "\n").utf8))
        }
        // A port in use is said at once, not after a first build of the whole portal.
        if let failure = PortProbe.bindFailure(host: host, port: port) {
            FileHandle.standardError.write(Data(((failure == EADDRINUSE ? messages.portInUse(port, host: host)
                : messages.cannotListen(port, host: host, reason: String(cString: strerror(failure)))) + "\n").utf8))
            throw ExitCode(2)
        }
        var options = sources.builderOptions
        options.includeDrafts = drafts
        let site = LiveSite(options: options)
        let first = site.rebuild()
        report(first, site.snapshot, initial: true)

        let broadcaster = ReloadBroadcaster()
        let watcher = try FileWatcher(roots: [options.contentDirectory, options.templatesDirectory], onUnwatched: { path, code in
            FileHandle.standardError.write(Data((messages.unwatched(path, code: code) + "\n").utf8))
        }) { changed in
            let update = site.rebuild(changed: changed, deferringSearchIndex: true)
            report(update, site.snapshot, initial: false)
            broadcaster.announce(version: site.snapshot.version)
            update.finish?()
        }
        watcher.start()

        let server = PreviewServer(site: site, broadcaster: broadcaster, language: lang)
        var logger = Logger(label: "gongkai-serve")
        logger.logLevel = .warning
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in try await server.respond(to: request) },
            configuration: .init(address: .hostname(host, port: port), serverName: "gongkai"),
            onServerRunning: { channel in
                let address = channel.localAddress?.port.map { "http://\(host.contains(":") ? "[\(host)]" : host):\($0)/" } ?? "?"
                FileHandle.standardOutput.write(Data((messages.serving(address) + "\n").utf8))
            },
            logger: logger
        )
        do {
            try await app.runService()
        } catch {
            if "\(error)".contains("Address already in use") || "\(error)".contains("EADDRINUSE") {
                FileHandle.standardError.write(Data((messages.portInUse(port, host: host) + "\n").utf8))
                throw ExitCode(2)
            }
            throw error
        }
    }

    private func report(_ update: LiveSite.Update, _ snapshot: LiveSite.Snapshot, initial: Bool) {
        let milliseconds = Double(update.duration.components.attoseconds) / 1e15 + Double(update.duration.components.seconds) * 1000
        // Notes are `check`'s: a save would otherwise print every suggestion of the portal again.
        let said = snapshot.diagnostics.filter { $0.severity != .info }
        if !said.isEmpty {
            do {
                let text = try DiagnosticFormatter(format: .editor, language: lang).format(said)
                FileHandle.standardError.write(Data(text.utf8))
            } catch {
                FileHandle.standardError.write(Data((ServeMessages(language: lang).diagnosticsUnwritable(error) + "\n").utf8))
            }
        }
        let line = ServeMessages(language: lang).rebuilt(files: update.filesRendered, initial: initial, incremental: !update.fullRebuild,
                                                         succeeded: update.succeeded, milliseconds: milliseconds)
        // Written straight to the file descriptor: a pipe reading the log sees each line as it happens.
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
