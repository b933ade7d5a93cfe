import CGDAL
import Foundation
import GeoModel

/// Turns a user's path into the GDAL virtual-file-system paths to read: a `.zip` becomes each of its
/// CSV members under `/vsizip/`, a `.gz` becomes `/vsigzip/`, anything else is read as it is.
public enum VirtualPath {
    /// One readable member of an input.
    public struct Member: Hashable, Sendable {
        /// Path to pass to GDAL.
        public var vsiPath: String
        /// Path to show a planner: `file.zip!member.csv` for archive members.
        public var displayName: String

        public init(vsiPath: String, displayName: String) { self.vsiPath = vsiPath; self.displayName = displayName }
    }

    /// The readable CSV members of `path` (a plain file, `.gz` or `.zip`).
    /// - Throws: `LastmileError.io` when the file does not exist, `.badInput` when a zip cannot be listed
    ///   or holds no CSV.
    public static func csvMembers(of path: String) throws -> [Member] {
        GDALRuntime.ensureRegistered()
        guard FileManager.default.fileExists(atPath: path) else {
            throw LastmileError.io(path: path, "no such file")
        }
        if let reason = FileKind.notRegularReason(path: path) {
            throw LastmileError.io(path: path, "cannot read: \(reason)")
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".zip") {
            let root = "/vsizip/" + path
            CPLErrorReset()
            // VSIReadDirRecursive returns a NULL-terminated list (free with CSLDestroy), NULL when unreadable.
            guard let list = VSIReadDirRecursive(root) else {
                throw LastmileError.badInput(
                    SourceLocation(file: path),
                    GDALRuntime.lastErrorMessage(or: "not a readable zip archive"))
            }
            defer { CSLDestroy(list) }
            var members: [Member] = []
            var i = 0
            while let entry = list[i] {
                let name = String(cString: entry)
                if name.lowercased().hasSuffix(".csv") {
                    members.append(Member(vsiPath: root + "/" + name, displayName: path + "!" + name))
                }
                i += 1
            }
            guard !members.isEmpty else {
                throw LastmileError.badInput(SourceLocation(file: path), "the zip archive holds no .csv file")
            }
            return members.sorted { $0.vsiPath < $1.vsiPath }
        }
        if lower.hasSuffix(".gz") {
            return [Member(vsiPath: "/vsigzip/" + path, displayName: path)]
        }
        return [Member(vsiPath: path, displayName: path)]
    }

    /// The real file a `/vsizip/` or `/vsigzip/` path reads from (the longest prefix, after the `/vsi…`
    /// prefixes, that is an existing regular file), or nil when there is none.
    static func realFile(under vsiPath: String) -> String? {
        var rest = Substring(vsiPath)
        while rest.hasPrefix("/vsi"), let slash = rest.dropFirst().firstIndex(of: "/") {
            rest = rest[slash...]
            // "/vsigzip//abs/x.gz" holds an absolute path; "/vsigzip/rel/x.gz" a relative one.
            if rest.hasPrefix("//") {
                rest = rest.dropFirst()
            } else if !rest.dropFirst().hasPrefix("vsi") {
                rest = rest.dropFirst()
            }
        }
        var candidate = String(rest)
        while !candidate.isEmpty, candidate != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            candidate = (candidate as NSString).deletingLastPathComponent
        }
        return nil
    }
}
