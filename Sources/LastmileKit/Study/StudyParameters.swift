import Foundation
import GeoModel
import TOMLKit

/// A study file flattened to dotted keys (`inputs.areas`, `policy.profile`), with the text it came from.
/// Command-line `--set KEY=VALUE` overrides apply to this form before the study is interpreted.
public struct StudyParameters: Sendable {
    public private(set) var values: [String: StudyValue]
    /// The file the parameters came from (for messages), and its text.
    public let sourcePath: String
    public let text: String

    /// Parses TOML text.
    /// - Throws: `LastmileError.badInput` naming the file, line and column of a syntax error.
    public init(text: String, sourcePath: String) throws {
        self.sourcePath = sourcePath
        self.text = text
        try TOMLHeaderCheck.check(text, file: sourcePath)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw LastmileError.badInput(
                SourceLocation(file: sourcePath, line: e.source.begin.line),
                "TOML syntax error at column \(e.source.begin.column): \(e.description)")
        }
        var flat: [String: StudyValue] = [:]
        try StudyParameters.flatten(table, prefix: "", into: &flat, file: sourcePath)
        values = flat
    }

    /// Reads and parses a study file.
    /// - Throws: `.io` when it cannot be read, `.badInput` when it is not valid TOML.
    public init(contentsOf path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw LastmileError.io(path: path, "no such file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LastmileError.io(path: path, "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LastmileError.badInput(SourceLocation(file: path), "the study file is not UTF-8 text")
        }
        try self.init(text: text, sourcePath: path)
    }

    /// Applies `KEY=VALUE` overrides. The value is read as a TOML value when it is one (`0.5`, `true`,
    /// `["a","b"]`), else as text.
    /// - Throws: `.usage` for an override without `=`.
    public mutating func apply(overrides: [String]) throws {
        for o in overrides {
            guard let eq = o.firstIndex(of: "="), eq != o.startIndex else {
                throw LastmileError.usage("--set expects KEY=VALUE with a dotted study key, got '\(o)'")
            }
            let key = String(o[..<eq]).trimmingCharacters(in: .whitespaces)
            let raw = String(o[o.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            if (try? TOMLHeaderCheck.check("v = \(raw)", file: "--set")) != nil,
                let t = try? TOMLTable(string: "v = \(raw)"), let v = t["v"], let value = StudyValue(toml: v)
            {
                values[key] = value
            } else {
                values[key] = .string(raw)
            }
        }
    }

    private static func flatten(
        _ table: TOMLTable, prefix: String, into out: inout [String: StudyValue],
        file: String
    ) throws {
        for key in table.keys {
            guard let v = table[key] else { continue }
            let path = prefix.isEmpty ? key : prefix + "." + key
            if v.type == .table, let sub = v.table {
                try flatten(sub, prefix: path, into: &out, file: file)
            } else if let value = StudyValue(toml: v) {
                out[path] = value
            } else {
                throw LastmileError.badInput(
                    SourceLocation(file: file, column: path),
                    "unsupported value type \(v.type) (dates and tables in lists are not study parameters)")
            }
        }
    }
}
