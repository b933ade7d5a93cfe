import Foundation

/// Writes a fuzz input to a file in memory-backed /dev/shm (readers take paths), once per process
/// and extension, overwritten on every call.
enum FuzzInput {
    static func path(_ ext: String) -> String {
        let dir = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(dir)/lastmile-fuzz-\(getpid()).\(ext)"
    }

    static func write(_ data: UnsafeRawBufferPointer, ext: String) -> String {
        let p = path(ext)
        let fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create \(p)")
        var off = 0
        while off < data.count {
            let n = Foundation.write(fd, data.baseAddress! + off, data.count - off)
            precondition(n > 0, "cannot write \(p)")
            off += n
        }
        close(fd)
        return p
    }
}
