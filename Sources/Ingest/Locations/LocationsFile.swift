import Foundation
import GeoIO
import GeoModel

/// A study's location universe: the FCC Broadband Serviceable Location Fabric as published (a CSV
/// with `location_id`, `block_geoid`, `latitude`, `longitude`, `bsl_flag`, address columns, …), or any
/// CSV with a location id and its 2020 census block, columns found by header name.
///
/// The Fabric is licensed (CostQuest's licence through the FCC): only location ids, blocks and
/// coordinates are kept; the coordinates go to the full edition's GeoPackage (for the planner's own
/// GIS) and never to a public output.
public struct LocationsFile: Sendable {
    /// Block (15-digit GEOID as an integer) per location id.
    public var blocks: [Int64: UInt64]
    /// Position per location id (x = longitude, y = latitude, degrees, as the Fabric writes them), for
    /// the locations with both when the file has `latitude` and `longitude` columns.
    public var points: [Int64: Point] = [:]
    /// Data rows read.
    public var rows: Int
    /// Rows whose `bsl_flag` says the location is not a broadband serviceable location (left out,
    /// as NTIA counts BSLs only).
    public var notServiceableRows: Int
    /// Rows repeating an earlier location id with the same block (kept once).
    public var duplicateRows: Int

    /// Header names accepted for each column (compared case-insensitively).
    static let locationNames = ["location_id"]
    static let blockNames = ["block_geoid", "block_fips", "geoid_bl"]
    static let serviceableNames = ["bsl_flag"]
    static let latitudeNames = ["latitude", "lat"]
    static let longitudeNames = ["longitude", "lon", "long"]

    /// Reads a locations file (`.csv`, `.csv.gz` or a `.zip` holding one CSV).
    /// - Throws: `.io` when it cannot be opened; `.badInput` naming the file, line and column for a
    ///   missing column, a location id that is not a non-negative integer, a block GEOID that is not 15
    ///   digits, a latitude or longitude that is not a number in range, or a location listed twice in
    ///   different blocks.
    public static func read(path: String) throws -> LocationsFile {
        try SingleCSV.read(
            path: path, what: "locations file",
            expectedHeader: "a locations header (location_id,…,block_geoid,latitude,longitude)"
        ) { reader, header in
            try read(&reader, header: header)
        }
    }

    private static func read(_ reader: inout CSVRecordReader, header: CSVHeader) throws -> LocationsFile {
        let (file, columnNames) = (header.file, header.names)
        let iLocation = try header.require(
            locationNames, layout: "FCC Fabric layout: location_id, …, block_geoid, latitude, longitude")
        let iBlock = try header.require(
            blockNames, layout: "the location's 2020 census block; also read as block_fips or geoid_bl")
        let iServiceable = header.index(serviceableNames)
        let iLatitude = header.index(latitudeNames)
        let iLongitude = header.index(longitudeNames)
        /// A coordinate in -limit…limit degrees; nil when empty.
        func degrees(_ i: Int, limit: Double, line: Int) throws -> Double? {
            let bytes = reader.bytes(i)
            guard !bytes.isEmpty else { return nil }
            guard let d = Double(String(decoding: bytes, as: UTF8.self)), d.isFinite, abs(d) <= limit else {
                throw LastmileError.badInput(
                    SourceLocation(file: file, line: line, column: columnNames[i]),
                    "expected degrees from -\(Int(limit)) to \(Int(limit)), found " + FieldParsing.quoted(bytes))
            }
            return d
        }
        var out = LocationsFile(blocks: [:], rows: 0, notServiceableRows: 0, duplicateRows: 0)
        while try reader.next(columnNames: columnNames) {
            out.rows += 1
            let line = reader.recordLine
            guard reader.fieldCount == columnNames.count else {
                throw LastmileError.badInput(
                    SourceLocation(file: file, line: line),
                    "expected \(columnNames.count) fields as in the header, found \(reader.fieldCount)")
            }
            guard let id = FieldParsing.int64(reader.bytes(iLocation)), id >= 0 else {
                throw LastmileError.badInput(
                    SourceLocation(file: file, line: line, column: columnNames[iLocation]),
                    "expected a non-negative integer location id, found " + FieldParsing.quoted(reader.bytes(iLocation))
                )
            }
            let blockBytes = reader.bytes(iBlock)
            guard FieldParsing.isDigits(blockBytes, count: 15) else {
                throw LastmileError.badInput(
                    SourceLocation(file: file, line: line, column: columnNames[iBlock]),
                    "expected a 15-digit census block GEOID, found " + FieldParsing.quoted(blockBytes))
            }
            if let i = iServiceable, !isServiceable(reader.bytes(i)) {
                out.notServiceableRows += 1
                continue
            }
            var block: UInt64 = 0
            for b in blockBytes { block = block &* 10 &+ UInt64(b &- 48) }
            if let earlier = out.blocks[id] {
                guard earlier == block else {
                    throw LastmileError.badInput(
                        SourceLocation(file: file, line: line, column: columnNames[iBlock]),
                        "location \(id) is listed again in another block (\(String(block)) after \(String(earlier)))")
                }
                out.duplicateRows += 1
                continue
            }
            out.blocks[id] = block
            if let iLatitude, let iLongitude, let lat = try degrees(iLatitude, limit: 90, line: line),
                let lon = try degrees(iLongitude, limit: 180, line: line)
            {
                out.points[id] = Point(x: lon, y: lat)
            }
        }
        return out
    }

    /// `bsl_flag` as the Fabric writes it: True/False (also 1/0, t/f, yes/no); empty counts as serviceable.
    static func isServiceable(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        return !["false", "f", "0", "no", "n"].contains(text)
    }
}
