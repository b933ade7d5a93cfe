import Foundation
import GeoModel

/// Expands `*` and `?` patterns in the last path component (`bdc/*.csv`), sorted; a path without
/// wildcards is returned as it is.
enum FileGlob {
    static func expand(_ pattern: String) throws -> [String] {
        guard pattern.contains("*") || pattern.contains("?") else { return [pattern] }
        let folder = (pattern as NSString).deletingLastPathComponent
        let namePattern = (pattern as NSString).lastPathComponent
        guard !folder.contains("*"), !folder.contains("?") else {
            throw LastmileError.usage("wildcards are allowed in file names only, not in folders: \(pattern)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return names.filter { matches(Array($0), Array(namePattern)) }.sorted()
            .map { folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0) }
    }

    private static func matches(_ s: [Character], _ p: [Character]) -> Bool {
        var si = 0
        var pi = 0
        var star = -1
        var mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "?" || p[pi] == s[si] {
                si += 1
                pi += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = si
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                si = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
