import Foundation
import GeoModel

/// An input file of a run, identified by content so a later run can tell whether the data changed.
public struct RunInput: Hashable, Sendable {
    /// What the file is for: "availability", "areas", "demographics", "locations", …
    public var role: String
    public var path: String
    public var sizeBytes: Int64
    /// SHA-256 of the file's bytes as 64 lower-case hex digits.
    public var sha256: String

    public init(role: String, path: String, sizeBytes: Int64, sha256: String) {
        self.role = role
        self.path = path
        self.sizeBytes = sizeBytes
        self.sha256 = sha256
    }

    /// Describes the file at `path` for the run store: its size and the SHA-256 of its bytes,
    /// read in 1 MiB chunks (bounded memory for multi-gigabyte BDC files).
    /// - Throws: `LastmileError.io` naming `path` when the file cannot be read.
    public init(role: String, file path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LastmileError.io(path: path, "cannot open the input file to fingerprint it")
        }
        defer { try? handle.close() }
        var hash = SHA256()
        var size: Int64 = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hash.update(chunk)
                size += Int64(chunk.count)
            }
        } catch {
            throw LastmileError.io(path: path, "cannot read the input file: \(error.localizedDescription)")
        }
        self.init(role: role, path: path, sizeBytes: size, sha256: hash.finalize())
    }
}
