import Foundation
import GeoIO
import GeoModel

/// The Census Bureau's Digital Equity Act covered-populations estimates (county and tract table,
/// `county_tract_total_covered_populations`, as CSV): one row per area, `geo_id` of 11 characters — a
/// tract GEOID, or a county FIPS followed by `000000`.
public struct CoveredPopulationsTable: Sendable {
    /// Per area (5-digit county or 11-digit tract GEOID).
    public var rows: [AreaID: CoveredPopulations]

    static let required = ["geo_id", "county_tot_pop", "tot_cov_pop"]

    /// - Throws: `.io` when the file cannot be opened; `.badInput` naming the file, line and column for a
    ///   missing column, a `geo_id` that is not 11 digits, a value that is not a number, or an id listed twice.
    public static func read(path: String) throws -> CoveredPopulationsTable {
        try SingleCSV.read(
            path: path, what: "covered-populations table",
            expectedHeader: "the Census covered-populations header (geo_id,geography_name,…,tot_cov_pop,…)"
        ) { reader, header in
            func column(_ name: String) -> Int? { header.index(name) }
            for name in required {
                _ = try header.require(name, layout: "Census Bureau layout: geo_id, county_tot_pop, tot_cov_pop, …")
            }
            var rows: [AreaID: CoveredPopulations] = [:]
            while try reader.next(columnNames: header.names) {
                let line = reader.recordLine
                func number(_ name: String) throws -> Double? {
                    guard let i = column(name), i < reader.fieldCount else { return nil }
                    let text = reader.string(i).trimmingCharacters(in: .whitespaces)
                    if text.isEmpty { return nil }
                    guard let d = Double(text), d.isFinite, d >= 0 else {
                        throw LastmileError.badInput(
                            SourceLocation(file: header.file, line: line, column: header.names[i]),
                            "expected a number of 0 or more, found \"\(text.prefix(20))\"")
                    }
                    return d
                }
                func estimate(_ stem: String) throws -> Estimate? {
                    try number(stem + "_pop").map { Estimate($0, marginOfError: try number(stem + "_pop_MOE")) }
                }
                let raw = reader.string(column("geo_id")!).trimmingCharacters(in: .whitespaces)
                guard raw.count == 11, raw.allSatisfy(\.isASCII), raw.allSatisfy(\.isNumber) else {
                    throw LastmileError.badInput(
                        SourceLocation(file: header.file, line: line, column: "geo_id"),
                        "expected an 11-digit geo_id (a tract GEOID, or a county FIPS and 000000), found \"\(raw.prefix(20))\""
                    )
                }
                let id = AreaID(raw.hasSuffix("000000") ? String(raw.prefix(5)) : raw)
                guard rows[id] == nil else {
                    throw LastmileError.badInput(
                        SourceLocation(file: header.file, line: line, column: "geo_id"), "\(raw) is listed twice")
                }
                var groups: [CoveredPopulations.Group: Estimate] = [:]
                for g in CoveredPopulations.Group.allCases { groups[g] = try estimate(g.rawValue) }
                var row = CoveredPopulations(
                    population: try number("county_tot_pop") ?? 0,
                    covered: Estimate(try number("tot_cov_pop") ?? 0, marginOfError: try number("tot_cov_pop_MOE")),
                    groups: groups, noFixedBroadbandShareFCC: try number("pct_no_fixed_bb_pop_fcc").map { $0 / 100 },
                    noBroadbandOrComputer: try estimate("no_bb_or_computer"))
                row.publishedCoveredShare = try number("pct_tot_cov_pop").map { $0 / 100 }
                row.publishedNoBroadbandOrComputerShare = try number("pct_no_bb_or_computer_pop").map { $0 / 100 }
                for g in CoveredPopulations.Group.allCases {
                    row.publishedGroupShares[g] = try number("pct_\(g.rawValue)_pop").map { $0 / 100 }
                }
                rows[id] = row
            }
            return CoveredPopulationsTable(rows: rows)
        }
    }

    /// The rows at `level` (5-digit counties from tracts: counts summed, margins as the root of the sum of
    /// squares, the FCC share weighted by population; shares then computed from the sums).
    /// - Returns: nil when the table holds no row at `level` or finer.
    public func rows(atLevel digits: Int) -> [AreaID: CoveredPopulations]? {
        let exact = rows.filter { $0.key.rawValue.count == digits }
        if !exact.isEmpty { return exact }
        let finer = rows.filter { $0.key.rawValue.count > digits }
        guard !finer.isEmpty else { return nil }
        return Self.summed(finer) { AreaID(String($0.rawValue.prefix(digits))) }
    }

    /// The GEOID length of the table's finest rows (11 when it has tracts, 5 for counties alone).
    public var finestDigits: Int { rows.keys.map(\.rawValue.count).max() ?? 0 }

    /// The rows whose GEOIDs have `digits` digits summed into the areas `area` gives each of them (a row
    /// it gives none is left out), as `rows(atLevel:)` sums.
    public func rows(withDigits digits: Int, into area: (AreaID) -> AreaID?) -> [AreaID: CoveredPopulations] {
        Self.summed(rows.filter { $0.key.rawValue.count == digits }, into: area)
    }

    static func summed(_ rows: [AreaID: CoveredPopulations], into area: (AreaID) -> AreaID?)
        -> [AreaID: CoveredPopulations]
    {
        var parts: [AreaID: [CoveredPopulations]] = [:]
        for (id, row) in rows { if let a = area(id) { parts[a, default: []].append(row) } }
        return parts.mapValues { rows in
            let population = rows.reduce(0) { $0 + $1.population }
            var groups: [CoveredPopulations.Group: Estimate] = [:]
            for g in CoveredPopulations.Group.allCases {
                let values = rows.compactMap { $0.groups[g] }
                if values.count == rows.count { groups[g] = Estimate.sum(values) }
            }
            let fcc =
                rows.allSatisfy { $0.noFixedBroadbandShareFCC != nil } && population > 0
                ? rows.reduce(0) { $0 + $1.noFixedBroadbandShareFCC! * $1.population } / population : nil
            let noBB = rows.compactMap(\.noBroadbandOrComputer)
            return CoveredPopulations(
                population: population, covered: Estimate.sum(rows.map(\.covered)), groups: groups,
                noFixedBroadbandShareFCC: fcc,
                noBroadbandOrComputer: noBB.count == rows.count ? Estimate.sum(noBB) : nil)
        }
    }
}
