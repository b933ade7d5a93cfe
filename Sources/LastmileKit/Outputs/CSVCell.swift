/// A text cell of a CSV that Lastmile writes (results.csv, `runs … --format csv`).
///
/// A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to a spreadsheet
/// (CSV injection): an area or study name such as `=HYPERLINK(…)` would run when the file is opened.
/// Such a cell gets a leading `'` (OWASP, "CSV Injection"), which spreadsheets show as text. Cells
/// holding a comma, quote or line break are quoted (RFC 4180). Numbers are not text cells: they are
/// written as they are and stay numbers.
enum CSVCell {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func text(_ s: String) -> String {
        let safe = s.first.map { formulaStarts.contains($0) } == true ? "'" + s : s
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
