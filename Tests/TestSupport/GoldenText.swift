import Foundation
import Testing

/// Whole-output goldens: a text compared byte for byte with a committed file.
///
/// On a mismatch the issue shows the first differing line and a unified diff (`diff -u`, golden
/// first), and the actual text is written as `<name>.actual` into a fresh temporary folder named in
/// the message. `LASTMILE_UPDATE_GOLDENS=1` rewrites the golden instead of comparing (then review
/// the change with `git diff` before committing it).
public enum GoldenText {
    /// Whether this run rewrites goldens (`LASTMILE_UPDATE_GOLDENS=1`).
    public static var updating: Bool { ProcessInfo.processInfo.environment["LASTMILE_UPDATE_GOLDENS"] == "1" }

    /// One rewrite of `text`: every match of `pattern` (NSRegularExpression) replaced by `template`.
    public struct Normalisation: Sendable {
        public var pattern: String
        public var template: String
        public init(_ pattern: String, _ template: String) {
            self.pattern = pattern
            self.template = template
        }

        public func apply(_ text: String) -> String {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
            return regex.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text),
                withTemplate: NSRegularExpression.escapedTemplate(for: template))
        }
    }

    /// Compares `actual` with the golden `folder/name`; records an issue at `sourceLocation` when they
    /// differ. Returns whether they matched (true when updating).
    @discardableResult
    public static func check(
        _ actual: String, golden name: String, in folder: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Bool {
        let path = folder + "/" + name
        if updating {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return true
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            let kept = try keep(actual, name: name)
            Issue.record(
                Comment(
                    rawValue: "golden \(path) is missing; the actual output is in \(kept) "
                        + "(LASTMILE_UPDATE_GOLDENS=1 writes it)"), sourceLocation: sourceLocation)
            return false
        }
        if expected == actual { return true }
        let kept = try keep(actual, name: name)
        Issue.record(
            Comment(
                rawValue: "\(name) differs from its golden \(path)\n"
                    + firstDifference(expected, actual) + "\nactual output: \(kept)\n"
                    + unifiedDiff(golden: path, actual: kept)), sourceLocation: sourceLocation)
        return false
    }

    /// Writes `text` as `<name>.actual` into a new temporary folder and returns its path.
    static func keep(_ text: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("lastmile-golden-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name + ".actual").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// "line N: golden «…» / actual «…»" for the first line that differs.
    public static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? String(e[i]) : nil
            let y = i < a.count ? String(a[i]) : nil
            if x != y {
                return "first difference at line \(i + 1): golden \(x.map { "«\($0)»" } ?? "(no line)")"
                    + ", actual \(y.map { "«\($0)»" } ?? "(no line)")"
            }
        }
        return "no line differs (the texts differ in a line ending)"
    }

    /// `diff -u golden actual`, its first 200 lines.
    static func unifiedDiff(golden: String, actual: String) -> String {
        guard let r = try? CommandLineRun.run("diff", ["-u", golden, actual]), !r.stdout.isEmpty else {
            return "(diff -u unavailable)"
        }
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let more = lines.count > 200 ? "\n… (\(lines.count - 200) more lines)" : ""
        return lines.prefix(200).joined(separator: "\n") + more
    }
}
