import Foundation

/// An independent reader of the CSV files Lastmile writes (RFC 4180: fields may be double-quoted,
/// a quote inside a quoted field is doubled; no line breaks inside fields), for tests to check them.
public enum CSVText {
    /// The fields of one CSV line.
    public static func fields(_ line: Substring) -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            i += 1
            guard quoted else {
                switch c {
                case "\"": quoted = true
                case ",":
                    out.append(field)
                    field = ""
                default: field.append(c)
                }
                continue
            }
            if c != "\"" {
                field.append(c)
            } else if i < chars.count && chars[i] == "\"" {
                field.append(c)  // a doubled quote stands for one
                i += 1
            } else {
                quoted = false
            }
        }
        out.append(field)
        return out
    }

    /// One dictionary per data line of `text`, keyed by the header's column names.
    public static func records(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n")
        guard let first = lines.first else { return [] }
        let header = fields(first)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
    }

    /// `records(_:)` of the file at `path`.
    public static func records(atPath path: String) throws -> [[String: String]] {
        records(try String(contentsOfFile: path, encoding: .utf8))
    }
}
