import GeoModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's SHA-256 and size, recorded so a run can say exactly which input it read.
public struct FileDigest: Hashable, Sendable, Codable {
    /// Lowercase hex SHA-256 of the file's bytes (what `sha256sum` prints).
    public var sha256: String
    /// The file's size in bytes.
    public var byteCount: Int64

    public init(sha256: String, byteCount: Int64) { self.sha256 = sha256; self.byteCount = byteCount }

    /// Bytes read per `read(2)` call: 1 MiB keeps system calls rare without a large buffer.
    static let chunkSize = 1 << 20

    /// The SHA-256 of the file at `path` (a plain file, not a `/vsi…` path): the digest computed while
    /// the run read it (through `ByteStream`, for a file unchanged since: same size and modification
    /// time), else by reading it now.
    /// - Throws: `LastmileError.io` with the system's reason when the file cannot be opened or read.
    public static func of(path: String) throws -> FileDigest {
        var info = stat()
        // stat returns 0 and fills `info`, or -1 with errno (then the open below gives the reason).
        if stat(path, &info) == 0,
            let read = CheckedFile.digestRead(path: path, size: Int64(info.st_size), modified: info.st_mtim)
        {
            return read
        }
        return try reading(path: path)
    }

    /// Hashes the file at `path` by reading it.
    static func reading(path: String) throws -> FileDigest {
        // open returns a descriptor, or -1 with errno set.
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LastmileError.io(path: path, "cannot open: \(String(cString: strerror(errno)))") }
        // close returns 0 on success; a read-only descriptor loses nothing if it fails.
        defer { _ = close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        let hasher = SHA256()
        var total: Int64 = 0
        while true {
            // read returns the byte count, 0 at end of file, -1 with errno set on error.
            let n = read(fd, buffer.baseAddress, chunkSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw LastmileError.io(path: path, "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            total += Int64(n)
        }
        return FileDigest(sha256: SHA256.hex(hasher.finalize()), byteCount: total)
    }

    /// The lowercase hex SHA-256 of the file at `path`.
    /// - Throws: `LastmileError.io` when the file cannot be opened or read.
    public static func sha256(path: String) throws -> String { try of(path: path).sha256 }
}
