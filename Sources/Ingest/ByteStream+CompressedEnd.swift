import GeoIO
import GeoModel

extension ByteStream {
    /// The message `ByteStream.read(into:)` uses when GDAL reported no error of its own.
    private static let noGDALMessage = "the file is damaged or truncated"

    /// Reads like `read(into:)`, but accepts the normal end of a `/vsigzip/` or `/vsizip/` stream.
    ///
    /// GDAL 3.6's gzip/zip readers end with a short read that leaves `VSIFEofL` at 0 and raises no
    /// error (checked on this machine: a 4 MiB read of the last 2,401,975 bytes of a .gz returns them
    /// with eof = 0, error type CE_None; only the next read returns 0 with eof = 1). `ByteStream`
    /// (GeoIO, as of the package skeleton) treats that short read as damage and throws with its
    /// fallback message, losing the count. Real damage carries GDAL's own message ("decompression
    /// failed…") and is rethrown. For compressed streams the buffer is zeroed before each read so the
    /// count can be recovered from the last non-zero byte (CSV and JSON text holds no NUL bytes).
    /// Once `ByteStream` stops throwing at a normal end, this is a plain `read(into:)`.
    func readChunk(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard path.hasPrefix("/vsigzip/") || path.hasPrefix("/vsizip/") else { return try read(into: buffer) }
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        do {
            return try read(into: buffer)
        } catch LastmileError.badInput(_, let message) where message == Self.noGDALMessage {
            var n = buffer.count
            while n > 0 && buffer[n - 1] == 0 { n -= 1 }
            return n
        }
    }
}
