import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders recursively with inotify and reports changed files after a burst of saves has settled.
/// Editors that save by writing a new file and renaming it over the old one (vim, VS Code) show up as a move into
/// the folder; folders created later are watched as they appear.
///
/// Unchecked Sendable: its state (the watched folders) is changed while it is set up and then only on its own thread.
final class FileWatcher: @unchecked Sendable {
    /// Quiet time that ends a burst of events, and the longest a burst may delay a rebuild. After an event that
    /// finishes a save — a file closed after writing, or moved into place — the burst is taken as over much sooner:
    /// that is the last step of an editor's save, and the reload should not wait on a timer.
    static let debounce: TimeInterval = 0.03
    static let settle: TimeInterval = 0.004
    static let maximumDelay: TimeInterval = 0.3

    private let descriptor: Int32
    private var folders: [Int32: URL] = [:]
    private let onChange: @Sendable ([URL]) -> Void
    /// Told once, at the first folder that cannot be watched: changes there go unseen until a restart.
    private let onUnwatched: @Sendable (_ path: String, _ code: Int32) -> Void
    private var toldUnwatched = false
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

    enum Failure: Error { case unavailable(String) }

    init(roots: [URL], onUnwatched: @escaping @Sendable (_ path: String, _ code: Int32) -> Void,
         onChange: @escaping @Sendable ([URL]) -> Void) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure.unavailable(String(cString: strerror(errno))) }
        self.onChange = onChange
        self.onUnwatched = onUnwatched
        for root in roots { watchRecursively(root) }
    }

    private func watchRecursively(_ folder: URL) {
        let watch = inotify_add_watch(descriptor, folder.path, Self.mask)
        guard watch >= 0 else {
            tellUnwatched(folder.path, code: errno)
            return
        }
        folders[watch] = folder
        let children = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        for child in children where (try? child.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            watchRecursively(child)
        }
    }

    private func tellUnwatched(_ path: String, code: Int32) {
        guard !toldUnwatched else { return }
        toldUnwatched = true
        onUnwatched(path, code)
    }

    /// Reads events on a thread of its own until the process ends.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "gongkai-watcher"
        thread.start()
    }

    private func run() {
        var pending: [URL] = []
        var burstStarted: Date?
        var saved = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let timeout: Int32
            if let burstStarted {
                let left = Self.maximumDelay - Date().timeIntervalSince(burstStarted)
                timeout = Int32((max(0, min(saved ? Self.settle : Self.debounce, left)) * 1000).rounded(.up))
            } else {
                timeout = -1
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready > 0 {
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 {
                    let (changed, finishesSave) = parse(buffer, count: count)
                    pending += changed
                    saved = finishesSave
                    if burstStarted == nil { burstStarted = Date() }
                    continue
                }
            }
            if ready == 0 || (burstStarted.map { Date().timeIntervalSince($0) >= Self.maximumDelay } ?? false), !pending.isEmpty {
                let changed = pending
                pending = []
                burstStarted = nil
                onChange(changed)
            } else if ready == 0 {
                burstStarted = nil
            }
        }
    }

    /// The files changed, and whether the last event finished a save (a file closed after writing or moved in).
    private func parse(_ buffer: [UInt8], count: Int) -> ([URL], Bool) {
        var changed: [URL] = []
        var finishesSave = false
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
            let nameBytes = buffer[(offset + headerSize)..<(offset + headerSize + Int(event.len))].prefix { $0 != 0 }
            offset += headerSize + Int(event.len)
            finishesSave = event.mask & UInt32(IN_ISDIR) == 0 && event.mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0
            guard let folder = folders[event.wd] else { continue }
            let url = nameBytes.isEmpty ? folder : folder.appendingPathComponent(String(decoding: nameBytes, as: UTF8.self))
            if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                watchRecursively(url)
            }
            if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil }
            // Editors' swap and backup files are not sources.
            let name = url.lastPathComponent
            if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") { continue }
            changed.append(url)
        }
        return (changed, finishesSave)
    }
}
