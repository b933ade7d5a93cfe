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
        self.role = role; self.path = path; self.sizeBytes = sizeBytes; self.sha256 = sha256
    }
}
