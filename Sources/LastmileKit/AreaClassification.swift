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

    /// Threads used when none are given: one per active processor core.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Streams every availability file through the policy's rule and counts locations per area.
    /// - Parameter threads: parsing threads (the result does not depend on it).
    /// - Throws: the readers' errors (`.io` for a missing file, `.badInput` naming file, line and column).
    public static func run(files: [String], level: AreaLevel, profile: PolicyProfile,
                           threads: Int = AreaClassification.defaultThreads) throws -> AreaClassification {
        let table = try classifyLocations(files: files, profile: profile, threads: threads)
        let counts = table.table.counts(by: level)
        let rows = counts.keys.sorted().map { Row(area: $0, counts: counts[$0]!) }
        return AreaClassification(level: level, profile: profile, rows: rows, totals: table.table.totals,
                              rowsRead: table.table.rowsSeen, rowsIgnored: table.table.rowsIgnored,
                              unknownTechnologyRows: table.unknownTechnologyRows)
    }

    /// The per-location table after reading every file (memory: one entry per location, whatever
    /// the number of rows), parsed on `threads` threads.
    static func classifyLocations(files: [String], profile: PolicyProfile,
                                  threads: Int = AreaClassification.defaultThreads) throws
        -> (table: LocationTable, unknownTechnologyRows: Int) {
        guard !files.isEmpty else { throw LastmileError.usage("no availability files given") }
        guard threads >= 1 else { throw LastmileError.usage("threads must be at least 1, got \(threads)") }
        if #available(macOS 15.0, *) {
            let (fold, summary) = try BDCReader.fold(paths: files, threads: threads) { LocationFold(profile: profile) }
            if fold.table.locations.blockDisagreements > 0 && threads > 1 {
                // Some location has rows in different blocks, read by different workers: which block
                // came first is only known to a single reader going through the files in order. Never
                // seen in FCC data (a fabric location lies in one block), so simply read again.
                return try classifyLocations(files: files, profile: profile, threads: 1)
            }
            return (fold.table, summary.unknownTechnologyRows)
        }
        return try classifyLocationsRecordByRecord(files: files, profile: profile)
    }

    /// The reference path: one record at a time through `BDCReader.read` on the calling thread.
    static func classifyLocationsRecordByRecord(files: [String], profile: PolicyProfile) throws
        -> (table: LocationTable, unknownTechnologyRows: Int) {
        guard !files.isEmpty else { throw LastmileError.usage("no availability files given") }
        var table = LocationTable(profile: profile)
        var unknown = 0
        for file in files {
            let summary = try BDCReader.read(path: file) { table.add($0) }
            unknown += summary.unknownTechnologyRows
        }
        return (table, unknown)
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

/// One worker's share of a classification for the parallel reader: a `LocationTable`.
struct LocationFold: AvailabilityAccumulator {
    var table: LocationTable

    init(profile: PolicyProfile) { table = LocationTable(profile: profile) }

    mutating func add(_ rows: [AvailabilityRow], chunk: Int) {
        rows.withUnsafeBufferPointer { rows in
            // First load every row's table slot: independent loads that the processor overlaps (each
            // would otherwise be a cache miss waited for in turn); the batch's slots then sit in cache.
            for r in rows { table.prepare(locationID: r.locationID) }
            for r in rows {
                table.add(locationID: r.locationID, block: r.block, technology: r.technology, download: r.download,
                          upload: r.upload, lowLatency: r.lowLatency, businessResidential: r.businessResidential)
            }
        }
    }

    mutating func merge(_ other: consuming LocationFold) {
        table.merge(other.table)
    }
}
