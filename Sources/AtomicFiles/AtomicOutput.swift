import Foundation

/// Why an output could not be written: the final path asked for and the operating system's reason
/// ("No space left on device", "Read-only file system"). Graphics maps it to `GraphicsError.io`,
/// LastmileKit to `LastmileError.io`, each in one place.
public struct AtomicOutputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) { self.path = path; self.reason = reason }

    public var description: String { "\(path): \(reason)" }
}

/// An output written so that a failure never leaves a half-written file or folder at its final path:
/// the bytes go to a temporary name in the same directory, are flushed to disk (`fsync`), then renamed
/// onto the destination (rename(2) is atomic within one directory), and the directory itself is flushed
/// so that the rename survives a power loss.
///
/// A writer that needs a path of its own (Cairo's PDF surface, libpng) writes to `temporary` and then
/// calls `commit()`; everything else uses `write(_:to:)`.
public struct AtomicOutput: Sendable {
    public let destination: String
    public let temporary: String

    public init(destination: String) {
        self.destination = destination
        let url = URL(fileURLWithPath: destination)
        temporary =
            url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-"
            + UUID().uuidString.prefix(8)
    }

    /// Writes `bytes` to the temporary file (created new) and flushes them to disk.
    public func write<Bytes: ContiguousBytes>(_ bytes: Bytes) throws(AtomicOutputError) {
        // open returns a descriptor, or -1 with errno; O_EXCL: the temporary name must be new.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create") }
        defer { close(fd) }
        let written: Int32? = bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            var offset = 0
            while offset < buffer.count {
                // write returns the bytes written (possibly fewer), or -1 with errno.
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let written { throw AtomicOutputError(path: destination, reason: "cannot write: \(Self.message(written))") }
        // fsync returns 0 once the file's data and metadata are on disk, -1 with errno otherwise.
        guard fsync(fd) == 0 else { throw failure("cannot flush to disk") }
    }

    /// Flushes the finished temporary file, moves it onto the destination and flushes the directory;
    /// on failure the temporary file is removed.
    public func commit() throws(AtomicOutputError) {
        do throws(AtomicOutputError) {
            try Self.sync(temporary, reportedAs: destination)
            // rename(2) replaces the destination atomically; returns 0, or -1 with errno.
            guard rename(temporary, destination) == 0 else { throw failure("cannot move the finished file into place") }
            try Self.sync(directory(of: destination), reportedAs: destination)
        } catch {
            discard()
            throw error
        }
    }

    /// Removes the temporary file (after a failure).
    public func discard() {
        _ = unlink(temporary)
    }

    /// Writes `bytes` to `path` through a temporary file; `creatingFolder`: make the folder when missing.
    public static func write<Bytes: ContiguousBytes>(
        _ bytes: Bytes, to path: String,
        creatingFolder: Bool = false
    ) throws(AtomicOutputError) {
        if creatingFolder {
            do {
                try FileManager.default.createDirectory(atPath: directory(of: path), withIntermediateDirectories: true)
            } catch {
                throw AtomicOutputError(path: path, reason: reason(error))
            }
        }
        let output = AtomicOutput(destination: path)
        do throws(AtomicOutputError) {
            try output.write(bytes)
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    /// Moves a finished temporary folder or file to its final path, replacing nothing (the final path
    /// must not exist yet, so a finished run is never overwritten), after flushing everything under it.
    public static func publish(_ temporary: String, as final: String) throws(AtomicOutputError) {
        do {
            try FileManager.default.createDirectory(atPath: directory(of: final), withIntermediateDirectories: true)
            try syncTree(temporary, reportedAs: final)
            try FileManager.default.moveItem(atPath: temporary, toPath: final)
            try sync(directory(of: final), reportedAs: final)
        } catch {
            throw AtomicOutputError(path: final, reason: "cannot move the finished output into place: \(reason(error))")
        }
    }

    /// Flushes a file or a directory (its entries) to disk.
    static func sync(_ path: String, reportedAs name: String? = nil) throws(AtomicOutputError) {
        // open returns a descriptor, or -1 with errno; directories open read-only.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw AtomicOutputError(path: name ?? path, reason: "cannot open to flush: \(message(errno))")
        }
        defer { close(fd) }
        // fsync returns 0 on success, -1 with errno (EINVAL: the file system cannot sync this kind of file).
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw AtomicOutputError(path: name ?? path, reason: "cannot flush to disk: \(message(errno))")
        }
    }

    /// Flushes every file and directory under `root`, then `root` itself.
    static func syncTree(_ root: String, reportedAs name: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            for entry in try FileManager.default.subpathsOfDirectory(atPath: root) {
                try sync((root as NSString).appendingPathComponent(entry), reportedAs: name)
            }
        }
        try sync(root, reportedAs: name)
    }

    /// The system's reason inside a Foundation file error, else the error's own text.
    static func reason(_ error: any Error) -> String {
        if let own = error as? AtomicOutputError { return own.reason }
        let e = error as NSError
        if let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return message(Int32(underlying.code))
        }
        return e.localizedDescription
    }

    private func failure(_ what: String) -> AtomicOutputError {
        AtomicOutputError(path: destination, reason: "\(what): \(Self.message(errno))")
    }

    private func directory(of path: String) -> String { Self.directory(of: path) }

    private static func directory(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    private static func message(_ code: Int32) -> String { String(cString: strerror(code)) }
}
