import Foundation

/// A temporary file beside the destination, moved onto it only when writing succeeded, so that a
/// half-written file never appears at the final path.
struct AtomicOutput {
    let destination: String
    let temporary: String

    init(destination: String) {
        self.destination = destination
        let url = URL(fileURLWithPath: destination)
        let dir = url.deletingLastPathComponent().path
        temporary = dir + "/." + url.lastPathComponent + ".tmp-" + UUID().uuidString
    }

    /// Moves the temporary file onto the destination (rename(2): atomic within one directory).
    func commit() throws(GraphicsError) {
        // rename returns 0 on success, -1 with errno set on failure.
        if rename(temporary, destination) != 0 {
            let message = String(cString: strerror(errno))
            discard()
            throw .io(path: destination, "cannot move the finished file into place: \(message)")
        }
    }

    /// Writes `bytes` to the temporary file.
    /// - Throws: `.io` naming the destination with the system's message.
    func write(_ bytes: [UInt8]) throws(GraphicsError) {
        // fopen returns NULL with errno set when the file cannot be created.
        guard let file = fopen(temporary, "wb") else {
            throw .io(path: destination, "cannot create: \(String(cString: strerror(errno)))")
        }
        // fwrite returns the number of items written (fewer on error); fclose 0 or EOF with errno.
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        let writeError = written == bytes.count ? nil : String(cString: strerror(errno))
        let closed = fclose(file)
        if let writeError { throw .io(path: destination, "cannot write: \(writeError)") }
        if closed != 0 { throw .io(path: destination, "cannot finish writing: \(String(cString: strerror(errno)))") }
    }

    /// Removes the temporary file (after a failure).
    func discard() {
        _ = unlink(temporary)
    }
}
