import Foundation
import GeoModel
import Ingest

/// Household growth from two ACS 5-year tables: the compound yearly rate
/// (households now ÷ households earlier)^(1 / years) − 1 over the study's areas present in both.
enum HouseholdTrend {
    struct Growth {
        var rate: Double
        var description: String
    }

    /// - Throws: `.badInput` naming the study key when there is no current table, the years between the
    ///   tables cannot be told, or no area has households in both.
    static func growth(
        study: Study, current: [AreaID: DemographicProfile]?, earlierPath: String,
        areas: Set<AreaID>
    ) throws -> Growth {
        let file = study.parameters.sourcePath
        func bad(_ key: String, _ what: String) -> LastmileError {
            .badInput(SourceLocation(file: file, column: key), what)
        }
        guard let current, let currentPath = study.demographicsPath else {
            throw bad(
                "demand.households_earlier",
                "demand.households_earlier needs the current ACS table too (inputs.demographics)")
        }
        let earlier = try ACSTable.read(path: earlierPath).profiles
        let years: Int
        if let given = study.businessCase.earlierDemographicsYears {
            years = given
        } else if let a = endYear(earlierPath), let b = endYear(currentPath), b > a {
            years = b - a
        } else {
            throw bad(
                "demand.households_earlier_years",
                "cannot tell the years between \((earlierPath as NSString).lastPathComponent) and \((currentPath as NSString).lastPathComponent) from their names; set demand.households_earlier_years (allowed: whole years 1 to 30)"
            )
        }
        var now = 0
        var before = 0
        var matched = 0
        for id in areas {
            guard let h1 = current[id]?.households, let h0 = earlier[id]?.households else { continue }
            now += h1
            before += h0
            matched += 1
        }
        guard before > 0, now > 0 else {
            throw bad(
                "demand.households_earlier",
                "no study area has households (B11001_001E) in both \((earlierPath as NSString).lastPathComponent) and \((currentPath as NSString).lastPathComponent)"
            )
        }
        let rate = pow(Double(now) / Double(before), 1 / Double(years)) - 1
        return Growth(
            rate: rate,
            description:
                "ACS trend over \(English.counted(matched, "area")): \(before) → \(English.counted(now, "household")) in \(English.counted(years, "year")) (\((earlierPath as NSString).lastPathComponent) → \((currentPath as NSString).lastPathComponent))"
        )
    }

    /// The final survey year in a data.census.gov file name (`ACSDT5Y2022` → 2022).
    static func endYear(_ path: String) -> Int? {
        let name = (path as NSString).lastPathComponent
        guard let r = name.range(of: #"5Y\d{4}"#, options: .regularExpression) else { return nil }
        return Int(name[r].suffix(4))
    }
}
