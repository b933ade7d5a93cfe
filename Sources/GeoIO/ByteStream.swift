import CGDAL
import GeoModel

/// A readable byte stream over any path GDAL's virtual file system understands: a plain file,
/// `/vsigzip/file.gz`, `/vsizip/archive.zip/member.csv`, `/vsicurl/…`.
///
/// Wraps `VSIFOpenExL` / `VSIFReadL` / `VSIFCloseL`. Not thread-safe: one stream per task.
public final class ByteStream {
    public let path: String
    /// The name to show in messages (the user's path, not the `/vsi…` form).
    public let displayName: String
    private var handle: UnsafeMutablePointer<VSILFILE>?

    /// Opens `vsiPath` for reading.
    /// - Throws: `LastmileError.io` naming `displayName` when GDAL cannot open it.
    public init(vsiPath: String, displayName: String? = nil) throws {
        GDALRuntime.ensureRegistered()
        path = vsiPath
        self.displayName = displayName ?? vsiPath
        CPLErrorReset()
        // VSIFOpenExL returns NULL on failure; bSetError = TRUE makes the reason available via VSIGetLastErrorMsg.
        guard let h = VSIFOpenExL(vsiPath, "rb", 1) else {
            let reason = VSIGetLastErrorMsg().map { String(cString: $0) } ?? ""
            throw LastmileError.io(path: self.displayName,
                                   "cannot open for reading" + (reason.isEmpty ? "" : ": \(reason)"))
        }
        handle = h
    }

    /// Reads up to `buffer.count` bytes into `buffer`; returns 0 at end of stream.
    /// - Throws: `LastmileError.badInput` when the stream is corrupt (a truncated zip, gzip garbage).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let handle, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        CPLErrorReset()
        // VSIFReadL returns the number of elements read; short reads happen at EOF or on error.
        let n = VSIFReadL(base, 1, buffer.count, handle)
        if n < buffer.count {
            // A short read is either the end of the stream or an error (inflate failure, truncated
            // archive); GDAL 3.6 has no VSIFErrorL, so the error state and VSIFEofL tell them apart.
            if CPLGetLastErrorType() == CE_Failure || VSIFEofL(handle) == 0 {
                throw LastmileError.badInput(SourceLocation(file: displayName),
                                             GDALRuntime.lastErrorMessage(or: "the file is damaged or truncated"))
            }
        }
        return n
    }

    /// Closes the stream. Safe to call twice.
    public func close() {
        if let handle {
            // VSIFCloseL returns 0 on success; a read-only close cannot lose data, so the code is not checked.
            _ = VSIFCloseL(handle)
        }
        handle = nil
    }

    deinit { close() }
}
