import Foundation

/// What one `lstat`/`stat` call says about a path. Foundation's `attributesOfItem` builds a dictionary per call and
/// `URL` re-parses paths: with both, the preview's scan of a 500-report portal took longer than re-reading the
/// report that changed.
struct FileStatus: Equatable, Sendable {
    enum Kind: Sendable { case file, directory, symbolicLink, other }

    let kind: Kind
    let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int

    /// The entry at `path` (a symbolic link itself unless `followingLinks`), or nil when there is none.
    init?(path: String, followingLinks: Bool = false) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
