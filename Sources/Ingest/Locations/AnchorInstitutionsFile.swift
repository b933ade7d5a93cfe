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
        ) { reader, header in
            let iType = try header.require(
                "type", "cai_type", layout: "S, L, G, H, F, P or C; NTIA BEAD challenge process layout")
            let iName = try header.require("entity_name", "name", layout: "the institution's name")
            let iLocation = header.index("location_id")
            let iLatitude = header.index(LocationsFile.latitudeNames)
            let iLongitude = header.index(LocationsFile.longitudeNames)
            var out = AnchorInstitutionsFile(institutions: [])
            while try reader.next(columnNames: header.names) {
                let line = reader.recordLine
                func cell(_ i: Int) -> String {
                    i < reader.fieldCount ? reader.string(i).trimmingCharacters(in: .whitespaces) : ""
                }
                let type = cell(iType).uppercased()
                guard types[type] != nil else {
                    throw LastmileError.badInput(
                        SourceLocation(file: header.file, line: line, column: header.names[iType]),
                        "expected a CAI type S, L, G, H, F, P or C, found \"\(cell(iType).prefix(20))\"")
                }
                var location: Int64?
                if let i = iLocation, !cell(i).isEmpty {
                    guard let id = Int64(cell(i)), id >= 0 else {
                        throw LastmileError.badInput(
                            SourceLocation(file: header.file, line: line, column: header.names[i]),
                            "expected a non-negative integer location id or an empty cell, found \"\(cell(i).prefix(20))\""
                        )
                    }
                    location = id
                }
                func degrees(_ i: Int?, limit: Double) throws -> Double? {
                    guard let i, !cell(i).isEmpty else { return nil }
                    guard let d = Double(cell(i)), d.isFinite, abs(d) <= limit else {
                        throw LastmileError.badInput(
                            SourceLocation(file: header.file, line: line, column: header.names[i]),
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
