import Foundation

/// What a planner should know about an input's vintage and licence, as far as its name and role tell.
enum DataVintage {
    /// FCC BDC release codes in file names: J = June, D = December as-of dates (FCC BDC public data files).
    static func bdcAsOf(_ name: String) -> String? {
        guard let r = name.range(of: #"_(J|D)(\d\d)[_.]"#, options: .regularExpression) else { return nil }
        let code = name[r].dropFirst().dropLast()
        let month = code.first == "J" ? "June 30" : "December 31"
        return "\(month), 20\(code.dropFirst())"
    }

    /// ACS 5-year vintages in data.census.gov file names (`ACSST5Y2022`, `ACSDT5Y2022`).
    static func acsVintage(_ name: String) -> String? {
        guard let r = name.range(of: #"ACS(ST|DT|DP)5Y(\d{4})"#, options: .regularExpression) else { return nil }
        guard let year = Int(name[r].suffix(4)) else { return nil }
        return "ACS \(year - 4)–\(year) 5-year"
    }

    static func describe(role: String, path: String, synthetic: Bool) -> String {
        let name = (path as NSString).lastPathComponent
        if synthetic { return "\(role): \(name), synthetic demonstration data (generated; no licence restrictions)" }
        switch role {
        case "availability":
            let asOf = bdcAsOf(name).map { "as of \($0)" } ?? "release not stated in the file name"
            return "FCC Broadband Data Collection fixed availability, \(asOf); FCC public data (U.S. government work)"
        case "demographics":
            let v = acsVintage(name) ?? "ACS 5-year (vintage not stated in the file name)"
            return "U.S. Census Bureau \(v); public domain (U.S. government work)"
        case "areas":
            return "Area boundaries \(name); TIGER/Line shapes are public domain (U.S. Census Bureau)"
        default:
            return "\(role): \(name)"
        }
    }
}
