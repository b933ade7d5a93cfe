import AtomicFiles
import Foundation
import GeoModel

/// The run's outputs through `AtomicOutput` (temporary name, fsync, rename, directory fsync), with its
/// errors as `LastmileError.io` naming the final path: the one place LastmileKit converts them.
enum OutputFile {
    /// Writes `data` to `path`, creating the folder when missing.
    static func write<Bytes: ContiguousBytes>(_ data: Bytes, to path: String) throws(LastmileError) {
        do { try AtomicOutput.write(data, to: path, creatingFolder: true) } catch {
            throw .io(path: path, "cannot write: \(error.reason)")
        }
    }

    /// Writes UTF-8 text.
    static func write(_ text: String, to path: String) throws(LastmileError) {
        try write(Data(text.utf8), to: path)
    }

    /// Moves a finished temporary folder to its final path (which must not exist yet).
    static func publish(_ temporary: String, as final: String) throws(LastmileError) {
        do { try AtomicOutput.publish(temporary, as: final) } catch { throw .io(path: error.path, error.reason) }
    }
}
