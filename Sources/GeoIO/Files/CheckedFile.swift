import CGDAL
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A GDAL virtual file system (`/vsilastmile/<token>/<absolute path>`) over plain POSIX `open`/`read`
/// that remembers why a read failed, so a `ByteStream` can tell an I/O error from the end of the file.
///
/// GDAL 3.6's own handler reads with `fread`, drops `errno`, and has no `VSIFErrorL`: a failing disk
/// looks like a short file, and under `/vsigzip/` or `/vsizip/` like a damaged archive. Reading every
/// input through this handler (`/vsigzip//vsilastmile/7/abs/x.gz`) keeps the system's reason ("Input/
/// output error", "Is a directory") and catches a file that ends before the size it had when opened.
enum CheckedFile {
    static let prefix = "/vsilastmile/"

    /// The first failure seen on the files opened under each token.
    private static let failures = Mutex([Int: String]())
    private static let nextToken = Atomic<Int>(1)

    private static let installed: Bool = {
        // VSIAllocFilesystemPluginCallbacksStruct returns a zeroed struct (GDAL 3.6's handler copies it,
        // so it is freed after installing).
        let callbacks = VSIAllocFilesystemPluginCallbacksStruct()!
        callbacks.pointee.open = { _, name, access in
            guard let name, let access, String(cString: access).hasPrefix("r") else { return nil }
            guard let (token, path) = CheckedFile.split(String(cString: name)) else { return nil }
            // open returns a descriptor, or -1 with errno set; O_NONBLOCK keeps a FIFO from blocking
            // until fstat refuses it (it changes nothing for a regular file).
            let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK)
            guard fd >= 0 else {
                CheckedFile.record(token, "cannot open: \(CheckedFile.reason(errno))")
                return nil
            }
            var info = stat()
            // fstat returns 0 on success, -1 with errno set.
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                CheckedFile.record(token, "cannot read: " + FileKind.notRegularReason(mode: info.st_mode))
                // close returns 0 on success; nothing was read, so its result does not matter.
                _ = Glibc.close(fd)
                return nil
            }
            return Unmanaged.passRetained(Handle(fd: fd, token: token, path: path, info: info)).toOpaque()
        }
        callbacks.pointee.read = { file, buffer, size, count in
            guard let file, let buffer, size > 0 else { return 0 }
            return Unmanaged<Handle>.fromOpaque(file).takeUnretainedValue().read(into: buffer, bytes: size * count)
                / size
        }
        callbacks.pointee.seek = { file, offset, whence in
            guard let file else { return -1 }
            return Unmanaged<Handle>.fromOpaque(file).takeUnretainedValue().seek(Int64(offset), whence: whence)
        }
        callbacks.pointee.tell = { file in
            guard let file else { return 0 }
            return vsi_l_offset(Unmanaged<Handle>.fromOpaque(file).takeUnretainedValue().offset)
        }
        callbacks.pointee.eof = { file in
            guard let file else { return 1 }
            return Unmanaged<Handle>.fromOpaque(file).takeUnretainedValue().atEnd ? 1 : 0
        }
        callbacks.pointee.close = { file in
            guard let file else { return 0 }
            Unmanaged<Handle>.fromOpaque(file).takeRetainedValue().close()
            return 0
        }
        callbacks.pointee.stat = { _, name, buffer, _ in
            guard let name, let buffer, let (_, path) = CheckedFile.split(String(cString: name)) else { return -1 }
            // VSIStatL (GDAL's own handler for the real path) fills the buffer and returns 0, or -1.
            return VSIStatL(path, buffer)
        }
        // VSIInstallPluginHandler returns 0 on success; the prefix is ours, so it cannot be taken.
        // GDAL 3.6 keeps the prefix pointer (not a copy), so it must live as long as the process: strdup, never freed.
        _ = VSIInstallPluginHandler(strdup(prefix), callbacks)
        // VSIFreeFilesystemPluginCallbacksStruct returns nothing.
        VSIFreeFilesystemPluginCallbacksStruct(callbacks)
        return true
    }()

    /// The checked form of a GDAL path and the token its failures are recorded under: a plain path,
    /// `/vsigzip/path` or `/vsizip/path/member` reads through this handler; other `/vsi…` paths
    /// (`/vsicurl/`) are returned as they are, with no token.
    static func route(_ vsiPath: String) -> (path: String, token: Int?) {
        _ = installed
        let token = nextToken.wrappingAdd(1, ordering: .relaxed).oldValue
        for archive in ["/vsigzip/", "/vsizip/"] where vsiPath.hasPrefix(archive) {
            let rest = String(vsiPath.dropFirst(archive.count))
            if rest.hasPrefix("/vsi") { return (vsiPath, nil) }
            return (archive + "\(prefix)\(token)" + absolute(rest), token)
        }
        if vsiPath.hasPrefix("/vsi") { return (vsiPath, nil) }
        return ("\(prefix)\(token)" + absolute(vsiPath), token)
    }

    /// The first failure recorded under `token`, and forgets it when `clear` is set.
    static func failure(_ token: Int, clear: Bool = false) -> String? {
        failures.withLock { clear ? $0.removeValue(forKey: token) : $0[token] }
    }

    static func record(_ token: Int, _ what: String) {
        failures.withLock { if $0[token] == nil { $0[token] = what } }
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// `7/abs/path` (GDAL strips the prefix before calling a plugin) or `/vsilastmile/7/abs/path` → (7, "/abs/path").
    private static func split(_ name: String) -> (Int, String)? {
        let rest = name.hasPrefix(prefix) ? name.dropFirst(prefix.count) : Substring(name)
        guard let slash = rest.firstIndex(of: "/"), let token = Int(rest[..<slash]) else { return nil }
        return (token, String(rest[slash...]))
    }

    /// SHA-256 digests of files read to the end through this handler, by absolute path, with the size and
    /// modification time the file had: `FileDigest.of(path:)` takes one instead of reading the file again.
    private static let digests = Mutex([String: (digest: FileDigest, size: Int64, modified: timespec)]())

    /// The digest of `path` computed while it was read, when the file still has that size and time.
    static func digestRead(path: String, size: Int64, modified: timespec) -> FileDigest? {
        digests.withLock { d in
            guard let e = d[absolute(path)], e.size == size, e.modified.tv_sec == modified.tv_sec,
                e.modified.tv_nsec == modified.tv_nsec
            else { return nil }
            return e.digest
        }
    }

    /// The most bytes a handle reads again at close to finish a digest (a zip's central directory,
    /// read first by GDAL, lies after the member data it reads last); a handle that read less of its
    /// file than that (a header sniff) leaves no digest.
    static let digestTailLimit: Int64 = 1 << 20
    /// The largest gap a handle fills to keep its digest going (a zip member's local header and name).
    static let digestGapLimit: Int64 = 1 << 16

    /// One open file: its descriptor, position, the size it had when opened, and the SHA-256 of the
    /// bytes read so far from its start, in order (hashed as they are read, so no second pass is needed).
    final class Handle {
        let fd: Int32
        let token: Int
        let path: String
        let size: Int64
        let modified: timespec
        private(set) var offset: Int64 = 0
        private(set) var atEnd = false
        private let hasher = SHA256()
        /// Bytes `0..<hashed` have gone through `hasher`; -1 when this handle gave up its digest.
        private var hashed: Int64 = 0

        init(fd: Int32, token: Int, path: String, info: stat) {
            self.fd = fd
            self.token = token
            self.path = path
            size = Int64(info.st_size)
            modified = info.st_mtim
        }

        /// Extends the digest with the bytes just read at `start`, when they continue the hashed prefix;
        /// a small gap before them (a zip member's local header, skipped by GDAL) is read to fill it; a
        /// read far ahead is not hashed now.
        private func hash(_ buffer: UnsafeMutableRawPointer, count: Int, at start: Int64) {
            guard hashed >= 0 else { return }
            if start > hashed {
                // A read far ahead (a gzip trailer, a zip's central directory) is left for later: the
                // prefix reaches it in order, or the tail is read at close.
                guard start - hashed <= CheckedFile.digestGapLimit else { return }
                guard readIntoHash(upTo: start) else {
                    hashed = -1
                    return
                }
            }
            let end = start + Int64(count)
            guard end > hashed else { return }
            let skip = Int(hashed - start)
            hasher.update(UnsafeRawBufferPointer(start: buffer + skip, count: count - skip))
            hashed = end
        }

        /// Hashes bytes `hashed..<end` read with pread (the file offset does not move); false when they
        /// cannot be read.
        private func readIntoHash(upTo end: Int64) -> Bool {
            let count = Int(end - hashed)
            guard count > 0 else { return true }
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
            defer { buffer.deallocate() }
            var done = 0
            while done < count {
                // pread returns the byte count, 0 at end of file, -1 with errno set; it leaves the offset.
                let n = pread(fd, buffer + done, count - done, off_t(hashed) + off_t(done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            hasher.update(UnsafeRawBufferPointer(start: buffer, count: count))
            hashed = end
            return true
        }

        /// Reads what the prefix lacks (at most `digestTailLimit` bytes) and records the file's digest.
        private func finishDigest() {
            guard hashed >= 0, size - hashed <= CheckedFile.digestTailLimit, readIntoHash(upTo: size) else { return }
            let digest = FileDigest(sha256: SHA256.hex(hasher.finalize()), byteCount: size)
            CheckedFile.digests.withLock { $0[path] = (digest, size, modified) }
        }

        /// Reads up to `bytes`, retrying short reads; a failure or an end before `size` is recorded.
        func read(into buffer: UnsafeMutableRawPointer, bytes: Int) -> Int {
            var done = 0
            while done < bytes {
                // read returns the byte count, 0 at end of file, -1 with errno set.
                let n = Glibc.read(fd, buffer + done, bytes - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    CheckedFile.record(token, "cannot read at byte \(offset): \(CheckedFile.reason(errno))")
                    break
                }
                if n == 0 {
                    atEnd = true
                    if offset < size {
                        CheckedFile.record(
                            token,
                            "the file ended at byte \(offset) of the \(size) it had when opened (it changed while being read)"
                        )
                    }
                    break
                }
                hash(buffer + done, count: n, at: offset)
                done += n
                offset += Int64(n)
            }
            return done
        }

        func seek(_ target: Int64, whence: Int32) -> Int32 {
            // lseek returns the new offset, or -1 with errno set.
            let at = lseek(fd, off_t(target), whence)
            guard at >= 0 else { return -1 }
            offset = Int64(at)
            atEnd = false
            return 0
        }

        func close() {
            if CheckedFile.failure(token) == nil { finishDigest() }
            // close returns 0 on success; a read-only descriptor loses nothing if it fails.
            _ = Glibc.close(fd)
        }
    }
}
