import Foundation
import GeoIO
import GeoModel

/// Community anchor institutions in NTIA's BEAD challenge-process CAI layout (`type`, `entity_name`,
/// `location_id`, `latitude`, `longitude`, … found by header name): schools (S), libraries (L),
/// government (G), health care (H), public housing (F), public safety (P), community support (C).
public struct AnchorInstitutionsFile: Sendable {
    public struct Institution: Hashable, Sendable {
        public var type: String
        public var name: String
        /// The Fabric location, when the file gives one.
        public var locationID: Int64?
        /// Its position (x = longitude, y = latitude, degrees), when the file gives both.
        public var point: Point?
        public var line: Int
    }

    public var institutions: [Institution]

    /// The CAI type codes of the BEAD challenge process and what they stand for.
    public static let types = [
        "S": "school", "L": "library", "G": "government", "H": "health care",
        "F": "public housing", "P": "public safety", "C": "community support",
    ]

    /// - Throws: `.io` when the file cannot be opened; `.badInput` naming the file, line and column for a
    ///   missing `type` or name column, an unknown type code, a location id that is not an integer, or a
    ///   latitude or longitude that is not a number in range.
    public static func read(path: String) throws -> AnchorInstitutionsFile {
        try SingleCSV.read(
            path: path, what: "CAI list", expectedHeader: "a CAI header (type,entity_name,location_id,…)"
        ) { reader, file, names in
            let normalized = names.map(KnownSchema.normalize)
            func column(_ accepted: [String]) -> Int? { normalized.firstIndex { accepted.contains($0) } }
            guard let iType = column(["type", "cai_type"]) else {
                throw LastmileError.badInput(
                    SourceLocation(file: file, line: 1, column: "type"),
                    "the CAI list lacks column type (S, L, G, H, F, P or C; NTIA BEAD challenge process layout)")
            }
            guard let iName = column(["entity_name", "name"]) else {
                throw LastmileError.badInput(
                    SourceLocation(file: file, line: 1, column: "entity_name"),
                    "the CAI list lacks column entity_name (the institution's name)")
            }
            let iLocation = column(["location_id"])
            let iLatitude = column(["latitude", "lat"])
            let iLongitude = column(["longitude", "lon", "long"])
            var out = AnchorInstitutionsFile(institutions: [])
            while try reader.next(columnNames: names) {
                let line = reader.recordLine
                func cell(_ i: Int) -> String {
                    i < reader.fieldCount ? reader.string(i).trimmingCharacters(in: .whitespaces) : ""
                }
                let type = cell(iType).uppercased()
                guard types[type] != nil else {
                    throw LastmileError.badInput(
                        SourceLocation(file: file, line: line, column: names[iType]),
                        "expected a CAI type S, L, G, H, F, P or C, found \"\(cell(iType).prefix(20))\"")
                }
                var location: Int64?
                if let i = iLocation, !cell(i).isEmpty {
                    guard let id = Int64(cell(i)), id >= 0 else {
                        throw LastmileError.badInput(
                            SourceLocation(file: file, line: line, column: names[i]),
                            "expected a non-negative integer location id or an empty cell, found \"\(cell(i).prefix(20))\""
                        )
                    }
                    location = id
                }
                func degrees(_ i: Int?, limit: Double) throws -> Double? {
                    guard let i, !cell(i).isEmpty else { return nil }
                    guard let d = Double(cell(i)), d.isFinite, abs(d) <= limit else {
                        throw LastmileError.badInput(
                            SourceLocation(file: file, line: line, column: names[i]),
                            "expected degrees from -\(Int(limit)) to \(Int(limit)) or an empty cell, found \"\(cell(i).prefix(20))\""
                        )
                    }
                    return d
                }
                let lat = try degrees(iLatitude, limit: 90)
                let lon = try degrees(iLongitude, limit: 180)
                out.institutions.append(
                    Institution(
                        type: type, name: cell(iName), locationID: location,
                        point: lat.flatMap { y in lon.map { Point(x: $0, y: y) } }, line: line))
            }
            return out
        }
    }
}
