import Foundation
import GeoModel

/// Writing outputs so that a failure never leaves a half-written file or folder at its final path:
/// everything is written under a temporary name in the same directory, then renamed.
public enum AtomicOutput {
    /// Writes `data` to `path` via a temporary file in the same directory and a rename.
    /// - Throws: `LastmileError.io` naming the path.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: temp)
            try replace(temp, with: url)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw LastmileError.io(path: path, "cannot write: \(error.localizedDescription)")
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
            try FileManager.default.moveItem(atPath: temporary, toPath: final)
        } catch {
            throw LastmileError.io(path: final, "cannot move the finished output into place: \(error.localizedDescription)")
        }
    }

    private static func replace(_ temp: URL, with url: URL) throws {
        // rename(2) replaces atomically; FileManager.moveItem refuses an existing destination.
        guard rename(temp.path, url.path) == 0 else {
            throw LastmileError.io(path: url.path, "cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }
}
