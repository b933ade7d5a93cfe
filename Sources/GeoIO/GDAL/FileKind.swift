#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What kind of file a path names, for refusing anything but a regular file before it is opened:
/// opening a FIFO blocks until a writer comes, and a device (`/dev/zero`) never ends.
public enum FileKind {
    /// Why `path` (symbolic links followed) cannot be read as an input, or nil for a regular file
    /// (and for a path that does not exist, which the caller reports as missing).
    public static func notRegularReason(path: String) -> String? {
        var info = stat()
        // stat returns 0 on success, -1 with errno set (ENOENT: reported by the caller).
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFREG ? nil : notRegularReason(mode: info.st_mode)
    }

    /// "Is a directory", or "a FIFO (named pipe), not a regular file" and the like.
    static func notRegularReason(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: String(cString: strerror(EISDIR))
        case S_IFIFO: "a FIFO (named pipe), not a regular file"
        case S_IFCHR: "a character device, not a regular file"
        case S_IFBLK: "a block device, not a regular file"
        case S_IFSOCK: "a socket, not a regular file"
        default: "not a regular file"
        }
    }
}
