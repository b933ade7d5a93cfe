import Foundation
import GeoModel
import Analysis
import Ingest

/// AreaClassification alone, for pipelines: availability files in, locations by class per area out.
public struct AreaClassification: Sendable {
    /// One area's counts.
    public struct Row: Hashable, Sendable {
        public var area: AreaID
        public var counts: ClassCounts
    }

    public var level: AreaLevel
    public var profile: PolicyProfile
    /// Rows sorted by area id.
    public var rows: [Row]
    public var totals: ClassCounts
    /// Availability rows read, and rows ignored by the business/residential filter.
    public var rowsRead: Int
    public var rowsIgnored: Int
    /// Rows whose technology code is not one the FCC defines.
    public var unknownTechnologyRows: Int

    /// Streams every availability file through the policy's rule and counts locations per area.
    /// - Throws: the readers' errors (`.io` for a missing file, `.badInput` naming file, line and column).
    public static func run(files: [String], level: AreaLevel, profile: PolicyProfile) throws -> AreaClassification {
        let table = try classifyLocations(files: files, profile: profile)
        let counts = table.table.counts(by: level)
        let rows = counts.keys.sorted().map { Row(area: $0, counts: counts[$0]!) }
        return AreaClassification(level: level, profile: profile, rows: rows, totals: table.table.totals,
                              rowsRead: table.table.rowsSeen, rowsIgnored: table.table.rowsIgnored,
                              unknownTechnologyRows: table.unknownTechnologyRows)
    }

    /// The per-location table after reading every file (memory: one entry per location).
    /// With `passingCodes`, also counts the locations with those business/residential codes (passings).
    static func classifyLocations(files: [String], profile: PolicyProfile,
                                  passingCodes: Set<BusinessResidentialCode>? = nil) throws
        -> (table: LocationTable, unknownTechnologyRows: Int, passings: PassingTable?) {
        guard !files.isEmpty else { throw LastmileError.usage("no availability files given") }
        var table = LocationTable(profile: profile)
        var passings = passingCodes.map { PassingTable(codes: $0) }
        var unknown = 0
        for file in files {
            let summary = try BDCReader.read(path: file) { record in
                table.add(record)
                passings?.add(record)
            }
            unknown += summary.unknownTechnologyRows
        }
        if table.rowsSeen == 0 {
            throw LastmileError.badInput(SourceLocation(file: files.count == 1 ? files[0] : files.joined(separator: ", "), line: 2),
                                         "no availability rows: the file\(files.count == 1 ? " holds" : "s hold") a header but no data (a truncated or filtered-out download?)")
        }
        return (table, unknown, passings)
    }

    /// CSV: a header `area,locations,unserved,underserved,served,unserved_share,underserved_share`, one row per area.
    public func csv() -> String {
        var out = "area,locations,unserved,underserved,served,unserved_share,underserved_share\n"
        for r in rows {
            let c = r.counts
            out += "\(r.area),\(c.locations),\(c.unserved),\(c.underserved),\(c.served),"
                + "\(Self.format(c.unservedShare)),\(Self.format(c.underservedShare))\n"
        }
        return out
    }

    /// JSON: an array of objects with `area`, `locations`, `unserved`, `underserved`, `served` (integers) and shares.
    public func json() -> String {
        let objects: [[String: Any]] = rows.map { r in
            [
                "area": r.area.rawValue, "level": level.rawValue,
                "locations": r.counts.locations, "unserved": r.counts.unserved,
                "underserved": r.counts.underserved, "served": r.counts.served,
                "unserved_share": r.counts.unservedShare ?? NSNull(),
                "underserved_share": r.counts.underservedShare ?? NSNull(),
            ]
        }
        let data = try! JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A share with six decimals, or empty when undefined.
    static func format(_ share: Double?) -> String {
        guard let share else { return "" }
        return String(format: "%.6f", share)
    }
}
