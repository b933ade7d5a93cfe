import Foundation
import TOMLKit

/// Reads the table of study keys, `study-keys.tsv` (and `scenario-fields.tsv`, the fields of a
/// [scenarios.NAME] table), embedded in the binary: one key a line, tab-separated columns `key`, `default`
/// (as people read it), `value` (the default as a TOML value; empty when the default is none, required or
/// computed from the data), `allowed` (in words), `domain` (what the parser checks), `method page` (`yes`
/// for a business-case key) and `source`. Both files are part of the source; a malformed line is a
/// programming error, caught by the tests on first use.
enum StudyKeysTable {
    static func keys(_ bytes: [UInt8], file: String) -> [StudyKey] {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.dropFirst().enumerated().map { i, line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 7, let domain = domain(f[4]) else {
                preconditionFailure("\(file), line \(i + 2): expected 7 tab-separated columns and a known domain")
            }
            return StudyKey(
                f[0], default: f[1], value: f[2].isEmpty ? nil : value(f[2], file: file, line: i + 2), allowed: f[3],
                domain: domain, source: f[6], methodPage: f[5] == "yes")
        }
    }

    /// A TOML value as the study file would write it.
    static func value(_ text: String, file: String, line: Int) -> StudyValue {
        guard let table = try? TOMLTable(string: "v = " + text), let v = table["v"], let value = StudyValue(toml: v)
        else { preconditionFailure("\(file), line \(line): '\(text)' is not a TOML value") }
        return value
    }

    /// "number 0.0 1.0 open", "integer 1 100", "choice a b", "texts", "texts or none", "codes R B X",
    /// "shares 1 30", "counts 2", "boolean", "text", "multipliers", "providers or file", "palette", "unread".
    static func domain(_ text: String) -> StudyKey.Domain? {
        let w = text.split(separator: " ").map(String.init)
        switch (w.first ?? "", w.count) {
        case ("number", 3), ("number", 4):
            guard let lo = Double(w[1]), let hi = Double(w[2]), lo <= hi, w.count == 3 || w[3] == "open" else {
                return nil
            }
            return .number(lo...hi, lowerOpen: w.count == 4)
        case ("integer", 3):
            guard let lo = Int(w[1]), let hi = Int(w[2]), lo <= hi else { return nil }
            return .integer(lo...hi)
        case ("shares", 3):
            guard let lo = Int(w[1]), let hi = Int(w[2]), lo <= hi else { return nil }
            return .shares(count: lo...hi)
        case ("counts", 2): return Int(w[1]).map { .counts(atLeast: $0) }
        case ("choice", 2...): return .choice(Array(w.dropFirst()))
        case ("codes", 2...): return .codes(Array(w.dropFirst()))
        default: break
        }
        switch text {
        case "boolean": return .boolean
        case "text": return .text
        case "texts": return .textList()
        case "texts or none": return .textList(allowsEmpty: true)
        case "multipliers": return .multipliers
        case "providers or file": return .providersOrFile
        case "unread": return .unread
        case "palette": return .palette
        default: return nil
        }
    }
}
