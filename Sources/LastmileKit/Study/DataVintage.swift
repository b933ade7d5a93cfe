import Foundation
import GeoIO

/// What a planner should know about an input's vintage and licence, as far as its name and role tell.
enum DataVintage {
    /// FCC BDC as-of dates in file names: `_J23_` = June 30, 2023, `_D22_` = December 31, 2022
    /// (FCC BDC public data file naming).
    /// The first release (November 2022) wrote the as-of date as MMDDYY: `…_fixed_broadband_063022.zip`.
    static func bdcAsOf(_ name: String) -> String? {
        if let r = name.range(of: #"_(J|D)(\d\d)[_.]"#, options: .regularExpression) {
            let code = name[r].dropFirst().dropLast()
            let month = code.first == "J" ? "June 30" : "December 31"
            return "\(month), 20\(code.dropFirst())"
        }
        if let r = name.range(of: #"_(0630|1231)\d\d\."#, options: .regularExpression) {
            let code = name[r].dropFirst().dropLast()
            return (code.hasPrefix("0630") ? "June 30" : "December 31") + ", 20" + code.suffix(2)
        }
        // Extracts named for the round in words: `…_jun2022_….csv`.
        guard let r = name.range(of: #"_(jun|dec)20\d\d[_.]"#, options: [.regularExpression, .caseInsensitive]) else {
            return nil
        }
        let code = name[r].dropFirst().dropLast()
        return (code.lowercased().hasPrefix("jun") ? "June 30" : "December 31") + ", " + code.suffix(4)
    }

    /// ACS 5-year vintages in data.census.gov file names (`ACSST5Y2022`, `ACSDT5Y2022`).
    static func acsVintage(_ name: String) -> String? {
        guard let r = name.range(of: #"ACS(ST|DT|DP)5Y(\d{4})"#, options: .regularExpression) else { return nil }
        guard let year = Int(name[r].suffix(4)) else { return nil }
        return "ACS \(year - 4)–\(year) 5-year"
    }

    /// TIGER/Line vintages in file names (`tl_2020_23_tract`).
    static func tigerVintage(_ name: String) -> String? {
        if let r = name.range(of: #"tl_(\d{4})_"#, options: .regularExpression) {
            return "TIGER/Line \(name[r].dropFirst(3).prefix(4))"
        }
        // Names that carry the vintage in words: `maine_counties_tiger2019_….geojson`.
        guard let r = name.range(of: #"tiger_?(\d{4})"#, options: [.regularExpression, .caseInsensitive]) else {
            return nil
        }
        return "TIGER/Line \(name[r].suffix(4))"
    }

    /// The vintage in a few words.
    static func vintage(role: String, path: String, synthetic: Bool) -> String {
        let name = (path as NSString).lastPathComponent
        if synthetic { return "synthetic demonstration data" }
        switch role {
        case "availability":
            return "FCC BDC fixed availability, "
                + (bdcAsOf(name).map { "as of \($0)" } ?? "release not stated in the file name")
        case "demographics":
            return acsVintage(name) ?? "ACS 5-year, vintage not stated in the file name"
        case "areas":
            return tigerVintage(name) ?? "area boundaries, vintage not stated in the file name"
        case "demographics_earlier":
            return acsVintage(name).map { "earlier \($0)" } ?? "earlier ACS 5-year, vintage not stated in the file name"
        case "locations":
            return "location universe (FCC Fabric layout)"
        case "funded_locations":
            return "locations with an enforceable commitment (the planner's list)"
        case "anchor_institutions":
            return "community anchor institutions (NTIA CAI layout)"
        case "ulfw_demonstrated":
            return "locations where unlicensed fixed wireless demonstrated 100/20"
        case "roads":
            return tigerVintage(name) ?? "road centrelines, vintage not stated in the file name"
        case "covered_populations":
            return "Digital Equity Act covered populations (U.S. Census Bureau estimates)"
        case "broadband_usage":
            let month = name.range(
                of: #"20\d\d(January|February|March|April|May|June|July|August|September|October|November|December)"#,
                options: .regularExpression)
            return "Microsoft broadband usage"
                + (month.map { ", " + name[$0].dropFirst(4) + " " + name[$0].prefix(4) } ?? "")
        case "zip_crosswalk":
            return "HUD USPS ZIP code crosswalk, tract to ZIP"
        case "water":
            return tigerVintage(name) ?? "area water, vintage not stated in the file name"
        case "places":
            return tigerVintage(name) ?? "place names, vintage not stated in the file name"
        case "speed_tests":
            let what = [SpeedTestTiles.kind(fromName: name), SpeedTestTiles.quarter(fromName: name)].compactMap { $0 }
            return "Ookla speed-test tiles"
                + (what.isEmpty ? ", quarter not stated in the file name" : ", " + what.joined(separator: " "))
        default:
            return label(role: role).lowercased()
        }
    }

    /// The role in words ("Funded locations" for `funded_locations`).
    static func label(role: String) -> String {
        let words = role.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The terms the input is published under.
    static func licence(role: String, synthetic: Bool) -> String {
        if synthetic { return "generated by datasets/demo/generate.py; no restrictions" }
        switch role {
        case "availability": return "FCC public data (U.S. government work)"
        case "demographics": return "U.S. Census Bureau, public domain"
        case "areas": return "TIGER/Line shapes are public domain (U.S. Census Bureau)"
        case "water", "places": return "as its publisher gives it (TIGER/Line: public domain, U.S. Census Bureau)"
        case "locations":
            return
                "the FCC Fabric is licensed (CostQuest licence): location ids, blocks and coordinates are used; the coordinates go only to the full edition's results.gpkg, never to a public output"
        case "covered_populations": return "U.S. Census Bureau, public domain"
        case "broadband_usage": return "Microsoft, Open Use of Data Agreement v1.0 (keep the agreement with the data)"
        case "zip_crosswalk": return "HUD, public data (U.S. government work)"
        case "speed_tests": return SpeedTestTiles.attribution + " (attribution, non-commercial use, share-alike)"
        default: return "the planner's own file"
        }
    }

    /// A line for the report's cover: role, vintage and file.
    static func coverLine(role: String, path: String, synthetic: Bool) -> String {
        "\(label(role: role)): \(vintage(role: role, path: path, synthetic: synthetic)) (\((path as NSString).lastPathComponent))"
    }
}
