import Foundation
import GeoModel

/// Writing outputs so that a failure never leaves a half-written file or folder at its final path:
/// everything is written under a temporary name in the same directory, flushed to disk (`fsync`),
/// then renamed, and the directory itself flushed so that the rename survives a power loss.
public enum AtomicOutput {
    /// Writes `data` to `path` via a temporary file in the same directory and a rename.
    /// - Throws: `LastmileError.io` naming the path.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try writeSynced(data, to: temp.path)
            try replace(temp, with: url)
            try sync(dir.path)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw LastmileError.io(path: path, "cannot write: \(LastmileError.reason(error))")
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Moves a finished temporary directory or file to its final path (replacing nothing: the final
    /// path must not exist yet, so a finished run is never overwritten).
    public static func publish(_ temporary: String, as final: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: (final as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try syncTree(temporary)
            try FileManager.default.moveItem(atPath: temporary, toPath: final)
            try sync((final as NSString).deletingLastPathComponent)
        } catch {
            throw LastmileError.io(path: final, "cannot move the finished output into place: \(LastmileError.reason(error))")
        }
    }

    /// Writes `data` to a new file and flushes it to disk before closing.
    static func writeSynced(_ data: Data, to path: String) throws {
        // open returns a descriptor, or -1 with errno; O_EXCL: the temporary name must be new.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LastmileError.io(path: path, "cannot create: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                // write returns the bytes written (possibly fewer), or -1 with errno.
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw LastmileError.io(path: path, "cannot write: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
        // fsync returns 0 once the file's data and metadata are on disk, -1 with errno otherwise.
        guard fsync(fd) == 0 else { throw LastmileError.io(path: path, "cannot flush to disk: \(String(cString: strerror(errno)))") }
    }

    /// Flushes a file or directory (its entries) to disk.
    public static func sync(_ path: String) throws {
        // open returns a descriptor, or -1 with errno; directories open read-only.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LastmileError.io(path: path, "cannot open to flush: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        // fsync returns 0 on success, -1 with errno (EINVAL: the file system cannot sync this kind of file).
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw LastmileError.io(path: path, "cannot flush to disk: \(String(cString: strerror(errno)))")
        }
    }

    /// Flushes every file and directory under `root`, then `root` itself.
    static func syncTree(_ root: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            for name in try FileManager.default.subpathsOfDirectory(atPath: root) {
                try sync((root as NSString).appendingPathComponent(name))
            }
        }
        try sync(root)
    }

    private static func replace(_ temp: URL, with url: URL) throws {
        // rename(2) replaces atomically; FileManager.moveItem refuses an existing destination.
        guard rename(temp.path, url.path) == 0 else {
            throw LastmileError.io(path: url.path, "cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }
}
