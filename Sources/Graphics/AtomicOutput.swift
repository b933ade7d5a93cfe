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

    /// Removes the temporary file (after a failure).
    func discard() {
        _ = unlink(temporary)
    }
}
