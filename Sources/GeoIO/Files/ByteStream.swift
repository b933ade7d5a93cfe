import CGDAL
import GeoModel

/// A readable byte stream over any path GDAL's virtual file system understands: a plain file,
/// `/vsigzip/file.gz`, `/vsizip/archive.zip/member.csv`, `/vsicurl/…`.
///
/// Wraps `VSIFOpenExL` / `VSIFReadL` / `VSIFCloseL`. Local files are read through `CheckedFile`, so
/// a read error is an error (exit 74 with the system's reason), never a short file. Not thread-safe:
/// one stream per task.
public final class ByteStream {
    public let path: String
    /// The name to show in messages (the user's path, not the `/vsi…` form).
    public let displayName: String
    private var handle: UnsafeMutablePointer<VSILFILE>?
    /// Where `CheckedFile` records this stream's read failures (nil for `/vsicurl/` and the like).
    private let token: Int?

    /// Opens `vsiPath` for reading.
    /// - Throws: `LastmileError.io` naming `displayName` when nothing exists there; `.badInput` when the
    ///   file exists but GDAL cannot open it as the archive its path says (a `.gz` that is not gzip, a
    ///   zip without its central directory).
    public init(vsiPath: String, displayName: String? = nil) throws {
        let shown = displayName ?? vsiPath
        path = vsiPath
        self.displayName = shown
        let (checkedPath, token) = CheckedFile.route(vsiPath)
        self.token = token
        handle = try GDALRuntime.capturingErrors { log in
            // VSIErrorReset returns nothing; VSIFOpenExL reports through VSIGetLastErrorMsg with bSetError = TRUE.
            VSIErrorReset()
            // VSIFOpenExL returns NULL on failure.
            if let h = VSIFOpenExL(checkedPath, "rb", 1) { return h }
            if let token, let failure = CheckedFile.failure(token, clear: true) {
                throw LastmileError.io(path: VirtualPath.realFile(under: vsiPath) ?? shown, failure)
            }
            let vsiReason = VSIGetLastErrorMsg().map { String(cString: $0) } ?? ""
            let reason = vsiReason.isEmpty ? log.message(or: "") : vsiReason
            if vsiPath.hasPrefix("/vsi"), let real = VirtualPath.realFile(under: vsiPath) {
                throw LastmileError.badInput(
                    SourceLocation(file: shown),
                    "\(real) exists but cannot be read as "
                        + (vsiPath.hasPrefix("/vsigzip/") ? "a gzip file" : "an archive")
                        + (reason.isEmpty ? " (damaged, truncated, or another format)" : ": \(reason)"))
            }
            throw LastmileError.io(path: shown, "cannot open for reading" + (reason.isEmpty ? "" : ": \(reason)"))
        }
    }

    /// Reads up to `buffer.count` bytes into `buffer`; returns 0 at end of stream.
    /// - Throws: `LastmileError.io` naming the file and the system's reason when reading it fails;
    ///   `.badInput` naming the file when the stream is corrupt (a truncated zip or gzip, garbage in
    ///   the compressed data, a CRC mismatch).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let handle, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        return try GDALRuntime.capturingErrors { log in
            // VSIFReadL returns the number of bytes read; short reads happen at the end or on error.
            // GDAL 3.6 has no VSIFErrorL and VSIFEofL is not reliable for /vsigzip/ and /vsizip/ (a clean end
            // can leave it 0), but inflate failures, truncation and CRC mismatches raise CE_Failure, which
            // the captured log sees even when the read was full.
            let n = VSIFReadL(base, 1, buffer.count, handle)
            // A failed read of the file underneath explains any decompression failure it caused.
            if let token, let failure = CheckedFile.failure(token) {
                throw LastmileError.io(path: VirtualPath.realFile(under: path) ?? displayName, failure)
            }
            if log.failureCount > 0 {
                throw LastmileError.badInput(
                    SourceLocation(file: displayName),
                    "the file is damaged or truncated: "
                        + log.message(or: "decompression failed"))
            }
            return n
        }
    }

    /// Closes the stream. Safe to call twice.
    public func close() {
        if let handle {
            // VSIFCloseL returns 0 on success; a read-only close cannot lose data, so the code is not checked.
            _ = VSIFCloseL(handle)
        }
        if let token { _ = CheckedFile.failure(token, clear: true) }
        handle = nil
    }

    deinit { close() }
}
