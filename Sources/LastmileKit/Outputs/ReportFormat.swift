import GeoModel

/// A rendered output kind of `lastmile report`: the report PDF, the maps and charts as PNG or SVG, or
/// the offline atlas.
public enum ReportFormat: String, Sendable, CaseIterable, Comparable {
    /// report.pdf
    case pdf
    /// maps/*.png and charts/*.png
    case png
    /// maps/*.svg and charts/*.svg
    case svg
    /// atlas.html
    case html

    /// Parses a comma-separated list such as "pdf,png".
    /// - Throws: `LastmileError.usage` naming the unknown format, or for an empty list.
    public static func parse(_ list: String) throws(LastmileError) -> Set<ReportFormat> {
        var out: Set<ReportFormat> = []
        for part in list.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let f = ReportFormat(rawValue: name) else {
                throw .usage("--format expects pdf, png, svg or html (comma-separated), found '\(name)'")
            }
            out.insert(f)
        }
        guard !out.isEmpty else { throw .usage("--format expects at least one of pdf, png, svg, html") }
        return out
    }

    public static func < (a: ReportFormat, b: ReportFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
