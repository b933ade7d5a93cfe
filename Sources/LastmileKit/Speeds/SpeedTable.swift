import Analysis
import Foundation
import GeoIO
import GeoModel

/// `lastmile speeds`: Ookla's open speed-test tiles summed per area of any polygon layer, with the
/// quarter and Ookla's attribution beside the figures.
public enum SpeedTable {
    /// The columns, as `results.csv` names them too.
    static let header = [
        "area", "name", "speed_tiles", "speed_tests", "speed_devices", "measured_download_mbps",
        "measured_upload_mbps", "measured_latency_ms", "tests_below_25_3_share", "tests_below_100_20_share",
    ]

    /// The tiles of `tiles` joined to the areas of `areas` (id column `idField`), areas in file order.
    public static func join(
        tiles: String, tilesLayer: String? = nil, areas path: String, areasLayer: String? = nil, idField: String
    ) throws -> (areas: [Area], join: SpeedTestJoin) {
        let areas = try VectorSource.readAreas(path: path, layer: areasLayer, idField: idField)
        let join = try SpeedTestJoin.summarize(areas: areas.map(\.id), geometries: areas.map(\.geographicGeometry)) {
            try SpeedTestTiles.forEachTile(path: tiles, layer: tilesLayer, $0)
        }
        return (areas, join)
    }

    /// One area's cells after `area` and `name`, in `header` order (empty where there were no tests).
    static func cells(_ m: MeasuredSpeeds?) -> [String] {
        let m = m ?? MeasuredSpeeds()
        return [
            String(m.tiles), String(m.tests), String(m.devices), number(m.meanDownloadMbps, 3),
            number(m.meanUploadMbps, 3), number(m.meanLatencyMs, 1), number(m.testsBelow25x3Share, 4),
            number(m.testsBelow100x20Share, 4),
        ]
    }

    /// A measured figure with `digits` decimals; empty when there is none.
    static func number(_ v: Double?, _ digits: Int) -> String { v.map { String(format: "%.\(digits)f", $0) } ?? "" }

    /// The source line: Ookla's attribution with the quarter and kind the file name gives.
    static func source(tiles: String) -> String {
        let what = [SpeedTestTiles.kind(fromName: tiles), SpeedTestTiles.quarter(fromName: tiles)].compactMap { $0 }
        return "Speed tests: \((tiles as NSString).lastPathComponent)"
            + (what.isEmpty ? "" : " (\(what.joined(separator: ", ")))") + ". " + SpeedTestTiles.attribution
    }

    /// The table as CSV with a `source` column (`json`: an object with the rows, the source and the tile
    /// counts).
    public static func text(
        tiles: String, tilesLayer: String? = nil, areas path: String, areasLayer: String? = nil, idField: String,
        json: Bool
    ) throws -> String {
        let (areas, join) = try Self.join(
            tiles: tiles, tilesLayer: tilesLayer, areas: path, areasLayer: areasLayer, idField: idField)
        return try text(areas: areas, join: join, tiles: tiles, json: json)
    }

    /// The table of a join already made (`join(tiles:…)`), as CSV or JSON.
    public static func text(areas: [Area], join: SpeedTestJoin, tiles: String, json: Bool) throws -> String {
        let rows = areas.map { a in [a.id.rawValue, a.name] + cells(join.byArea[a.id]) }
        guard json else {
            // The source travels with every row, so a table cut from the file still carries it.
            let source = CSVCell.text(source(tiles: tiles))
            var out = (header + ["source"]).joined(separator: ",") + "\n"
            for r in rows { out += (r.map(CSVCell.text) + [source]).joined(separator: ",") + "\n" }
            return out
        }
        let numeric = Set(header.dropFirst(2))
        let objects: [[String: Any]] = rows.map { r in
            var o: [String: Any] = [:]
            for (k, v) in zip(header, r) {
                o[k] = numeric.contains(k) ? (v.isEmpty ? NSNull() : (Int(v).map { $0 as Any } ?? Double(v)!)) : v
            }
            return o
        }
        let object: [String: Any] = [
            "areas": objects, "source": source(tiles: tiles), "tiles_read": join.tilesRead,
            "tiles_outside_areas": join.tilesOutside,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The note for stderr: how many tiles were read and left out, and the source.
    public static func note(tiles: String, read: Int, outside: Int) -> String {
        "\(English.counted(read, "tile")) read, \(outside) outside every area (left out). " + source(tiles: tiles)
    }
}
