import Foundation

/// What one `lstat`/`stat` call says about a path. Foundation's `attributesOfItem` builds a dictionary per call and
/// `URL` re-parses paths: with both, the preview's scan of a 500-report portal took longer than re-reading the
/// report that changed.
package struct FileStatus: Equatable, Sendable {
    package enum Kind: Sendable { case file, directory, symbolicLink, other }

    package let kind: Kind
    package let size: Int
    package let modifiedSeconds: Int
    package let modifiedNanoseconds: Int
    /// With the size and modification time, what tells a file replaced by another from the one that was there.
    package let inode: UInt64
    /// When the inode last changed: set by the system on every write, so a copy that keeps an old modification time
    /// (`cp -p`, `rsync -t`, `touch -d`) still shows as changed. Linking and unlinking change it too, which is why
    /// an output file, kept by hard links, is compared without it (`isSameFile`).
    package let changedSeconds: Int
    package let changedNanoseconds: Int

    package init(kind: Kind, size: Int, modifiedSeconds: Int, modifiedNanoseconds: Int, inode: UInt64, changedSeconds: Int,
                 changedNanoseconds: Int) {
        self.kind = kind
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
    }

    /// The same file with the same bytes as far as a stamp can tell, whatever its links: the test for output files.
    package func isSameFile(as other: FileStatus) -> Bool {
        (kind, size, modifiedSeconds, modifiedNanoseconds, inode)
            == (other.kind, other.size, other.modifiedSeconds, other.modifiedNanoseconds, other.inode)
    }

    /// The entry at `path` (a symbolic link itself unless `followingLinks`), or nil when there is none.
    package init?(path: String, followingLinks: Bool = false) {
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
        inode = UInt64(info.st_ino)
        changedSeconds = Int(info.st_ctim.tv_sec)
        changedNanoseconds = Int(info.st_ctim.tv_nsec)
    }

    /// Whether the stamp can stand for the file's content next time. A file written in the same tick of the
    /// file system's clock as an earlier version of the same size has the same stamp (timestamps move in steps of a
    /// few milliseconds): a stamp only a moment old is not trusted, and the file is read again (as git does).
    package var isSettled: Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let age = (Int(now.tv_sec) - modifiedSeconds) * 1_000_000_000 + (Int(now.tv_nsec) - modifiedNanoseconds)
        return age > 1_000_000_000
    }
}
