import Analysis
import Foundation
import GeoModel

/// locations.csv: one row per location of the study — the list BEAD and the FCC challenge process work
/// with. Every column comes from the public BDC files (and the study's funded-locations lists); no
/// Fabric field (address, coordinates, unit count: licensed) is ever written.
enum LocationsCSV {
    static let header = [
        "location_id", "block_geoid", "area", "h3_res8_id", "class", "best_technology",
        "best_download_mbps", "best_upload_mbps", "providers_at_100_20", "funded", "funded_program",
        "anchor", "business_residential",
    ]

    /// The rows of `table` in location-id order, areas at `level`.
    static func csv(
        _ table: LocationTable, details: LocationDetails, fundedPrograms: [Int64: String],
        anchors: Set<Int64> = [], level: AreaLevel
    ) -> String {
        var rows: [(Int64, UInt64, ServiceClass)] = []
        rows.reserveCapacity(table.count)
        table.forEach { rows.append(($0, $1, $2)) }
        rows.sort { $0.0 < $1.0 }
        var out = header.joined(separator: ",") + "\n"
        out.reserveCapacity(rows.count * 96)
        for (id, block, cls) in rows {
            let geoid = LocationTable.format(block, digits: 15)
            let program = fundedPrograms[id]
            let funded = program != nil && cls != .served
            let d = details.byLocation[id]
            let cells: [String] = [
                String(id), geoid, String(geoid.prefix(level.geoidLength)), d?.h3Cell ?? "",
                funded ? "\(cls)_funded" : "\(cls)",
                d.map { String($0.bestTechnology) } ?? "", d.map { ProviderTable.number($0.bestDownload) } ?? "",
                d.map { ProviderTable.number($0.bestUpload) } ?? "", d.map { String($0.providersAt100x20) } ?? "",
                program != nil ? "1" : "0", CSVCell.text(program ?? ""), anchors.contains(id) ? "1" : "0",
                d?.businessResidential ?? "",
            ]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}

/// `lastmile classify --by location`: locations.csv's rows for availability files alone.
public enum LocationClassification {
    /// The per-location table (areas at block level) as CSV or, with `json`, an array of objects
    /// with the same keys (numbers as numbers).
    public static func text(files: [String], profile: PolicyProfile, threads: Int, json: Bool) throws -> String {
        let classified = try AreaClassification.classifyLocations(
            files: files, profile: profile,
            landscapeLevel: .block, threads: threads)
        let details = classified.landscape!.details
        let csv = LocationsCSV.csv(classified.table, details: details, fundedPrograms: [:], level: .block)
        guard json else { return csv }
        let numeric: Set<String> = [
            "location_id", "best_technology", "best_download_mbps", "best_upload_mbps",
            "providers_at_100_20", "funded", "anchor",
        ]
        let objects: [[String: Any]] = csv.split(separator: "\n").dropFirst().map { line in
            var object: [String: Any] = [:]
            for (key, value) in zip(LocationsCSV.header, line.split(separator: ",", omittingEmptySubsequences: false)) {
                object[key] =
                    numeric.contains(key)
                    ? (Double(value).map { $0 == $0.rounded() ? Int64($0) as Any : $0 as Any } ?? NSNull())
                    : String(value)
            }
            return object
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
