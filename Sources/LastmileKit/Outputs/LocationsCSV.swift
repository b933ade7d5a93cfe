import Analysis
import Foundation
import GeoIO
import GeoModel

/// locations.csv: one row per location of the study — the list BEAD and the FCC challenge process work
/// with. Every column comes from the public BDC files (and the study's funded-locations lists); no
/// Fabric field (address, coordinates, unit count: licensed) is ever written to it. The full edition's
/// results.gpkg has the same rows as a `locations` point layer when the locations file gives coordinates.
enum LocationsCSV {
    static let header = columns.map(\.name)

    /// The columns and their GeoPackage types.
    static let columns: [FieldDefinition] = [
        .integer64("location_id"), .string("block_geoid"), .string("area"), .string("h3_res8_id"), .string("class"),
        .integer64("best_technology"), .real("best_download_mbps"), .real("best_upload_mbps"),
        .integer64("providers_at_100_20"), .integer64("funded"), .string("funded_program"), .integer64("anchor"),
        .string("business_residential"),
    ]

    /// One location's row.
    struct Row {
        var id: Int64
        /// The 15-digit block GEOID as an integer; the key of the location's study area in `areas`.
        var blockNumber: UInt64
        var areaKey: UInt64
        var areas: AreaGrouping
        var details: LocationDetails.Detail?
        var serviceClass: ServiceClass
        /// For a location in a funded-locations list (an enforceable commitment): the list's program, ""
        /// when it names none.
        var program: String?
        var anchor: Bool

        var block: String { LocationTable.format(blockNumber, digits: 15) }
        var area: String { areas.id(areaKey).rawValue }

        /// The class as written: `unserved`, … and `unserved_funded`, `underserved_funded` for a funded
        /// location that is not served (counted apart from the need).
        var classText: String {
            program != nil && serviceClass != .served ? serviceClass.description + "_funded" : serviceClass.description
        }

        /// The GeoPackage values, in `columns` order (NULL where the CSV cell is empty).
        var fieldValues: [FieldValue?] {
            func text(_ s: String?) -> FieldValue? { s.flatMap { $0.isEmpty ? nil : .string($0) } }
            let d = details
            return [
                .integer(id), .string(block), .string(area), text(d?.h3Cell), .string(classText),
                d.map { .integer(Int64($0.bestTechnology)) }, d.map { .real($0.bestDownload) },
                d.map { .real($0.bestUpload) }, d.map { .integer(Int64($0.providersAt100x20)) },
                .integer(program != nil ? 1 : 0), text(program), .integer(anchor ? 1 : 0), text(d?.businessResidential),
            ]
        }
    }

    /// The rows of `table` in location-id order, each in its area of `areas` (a location in none is
    /// left out).
    static func rows(
        _ table: LocationTable, details: LocationDetails, fundedPrograms: [Int64: String],
        anchors: Set<Int64> = [], areas: AreaGrouping
    ) -> [Row] {
        var entries: [(Int64, UInt64, UInt64, ServiceClass)] = []
        entries.reserveCapacity(table.count)
        table.forEach { id, block, cls in
            if let key = areas.key(location: id, block: block) { entries.append((id, block, key, cls)) }
        }
        entries.sort { $0.0 < $1.0 }
        return entries.map { id, block, key, cls in
            Row(
                id: id, blockNumber: block, areaKey: key, areas: areas, details: details[id], serviceClass: cls,
                program: fundedPrograms.isEmpty ? nil : fundedPrograms[id],
                anchor: !anchors.isEmpty && anchors.contains(id))
        }
    }

    /// The file: the header, then a row per location, written as bytes (a state has a million rows).
    static func csv(_ rows: [Row]) -> [UInt8] {
        var out = CSVBytes(capacity: rows.count * 96)
        out.appendRecord(header)
        for row in rows {
            let d = row.details
            out.append(row.id)
            out.comma()
            out.append(digits: row.blockNumber, width: 15)
            out.comma()
            if row.areas.keyDigits > 0 {
                out.append(digits: row.areaKey, width: row.areas.keyDigits)
            } else {
                out.append(CSVCell.text(row.area))
            }
            out.comma()
            out.append(d?.h3Cell ?? "")
            out.comma()
            out.append(row.classText)
            out.comma()
            if let d {
                out.append(Int64(d.bestTechnology))
                out.comma()
                out.append(number: d.bestDownload)
                out.comma()
                out.append(number: d.bestUpload)
                out.comma()
                out.append(Int64(d.providersAt100x20))
            } else {
                out.append(",,,")
            }
            out.comma()
            out.append(row.program != nil ? "1," : "0,")
            out.append(CSVCell.text(row.program ?? ""))
            out.append(row.anchor ? ",1," : ",0,")
            out.append(d?.businessResidential ?? "")
            out.newline()
        }
        return out.bytes
    }
}

/// `lastmile classify --by location`: locations.csv's rows for availability files alone.
public enum LocationClassification {
    /// The per-location table (areas at block level) as CSV or, with `json`, an array of objects
    /// with the same keys (numbers as numbers).
    public static func text(files: [String], profile: PolicyProfile, threads: Int, json: Bool) throws -> String {
        let classified = try AreaClassification.classifyLocations(
            files: files, profile: profile,
            landscapeGrouping: AreaGrouping(census: .block), threads: threads)
        let details = classified.landscape!.details
        let csv = String(
            decoding: LocationsCSV.csv(
                LocationsCSV.rows(
                    classified.table, details: details, fundedPrograms: [:], areas: AreaGrouping(census: .block))),
            as: UTF8.self)
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
