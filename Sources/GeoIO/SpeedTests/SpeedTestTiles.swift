import CGDAL
import Foundation
import GeoModel

/// Reads Ookla's open speed-test tiles (Speedtest by Ookla Global Fixed and Mobile Network Performance
/// Maps) from any GDAL vector source: the published shapefile zips (through `/vsizip/`), GeoParquet where
/// GDAL reads it, GeoJSON, GeoPackage. Fields by Ookla's names: `avg_d_kbps`, `avg_u_kbps`, `avg_lat_ms`,
/// `tests`, `devices`; geometry the tile polygon, whose centroid is taken (in lon/lat).
public enum SpeedTestTiles {
    static let fieldNames = ["avg_d_kbps", "avg_u_kbps", "avg_lat_ms", "tests", "devices"]

    /// The licence terms every output that uses the tiles carries.
    public static let attribution =
        "Speedtest® by Ookla® Global Fixed and Mobile Network Performance Maps, © Ookla, LLC, CC BY-NC-SA 4.0"

    /// Calls `body` with each tile, its centroid in EPSG:4326. Returns the number of tiles.
    /// - Throws: `.io` when the file cannot be opened; `.badInput` naming the file, feature and column for
    ///   a missing Ookla column, an empty or negative value, or a tile without geometry.
    @discardableResult
    public static func forEachTile(
        path: String, layer: String? = nil, _ body: (SpeedTestTile) throws -> Void
    ) throws -> Int {
        let dataset = try VectorDataset(path: path)
        let ogrLayer = try dataset.layer(named: layer)
        let fields = VectorDataset.fields(of: ogrLayer)
        let indices = try fieldNames.map { name -> Int32 in
            do {
                return try VectorSource.index(of: name, in: fields, file: path)
            } catch {
                throw LastmileError.badInput(
                    SourceLocation(file: path, column: name),
                    "expected Ookla's open-data tile columns (\(fieldNames.joined(separator: ", "))); no column '\(name)'"
                )
            }
        }
        let sourceCRS = try VectorSource.layerCRS(of: ogrLayer, file: path)
        let geographic = try SpatialReference(userInput: "EPSG:4326")
        let transform =
            sourceCRS.isSame(as: geographic) ? nil : try CoordinateTransform(from: sourceCRS, to: geographic)
        // OGR_G_CreateGeometry returns an owned empty point (freed below), NULL only when out of memory.
        guard let centroid = OGR_G_CreateGeometry(wkbPoint) else {
            throw LastmileError.failed("OGR_G_CreateGeometry failed: out of memory")
        }
        // OGR_G_DestroyGeometry returns nothing.
        defer { OGR_G_DestroyGeometry(centroid) }
        var count = 0
        try GDALRuntime.forEachFeature(of: ogrLayer, file: path) { feature, ordinal, _ in
            func value(_ k: Int) throws -> Double {
                let i = indices[k]
                let at = SourceLocation(file: path, feature: ordinal, column: fieldNames[k])
                // OGR_F_IsFieldSetAndNotNull returns TRUE when the field has a value.
                guard OGR_F_IsFieldSetAndNotNull(feature, i) != 0 else {
                    throw LastmileError.badInput(at, "the value is empty; expected a number of 0 or more")
                }
                let d: Double?
                switch fields[Int(i)].type {
                case "Integer", "Integer64", "Real":
                    // OGR_F_GetFieldAsDouble converts any numeric field to double.
                    d = OGR_F_GetFieldAsDouble(feature, i)
                default:
                    // OGR_F_GetFieldAsString returns a borrowed string valid until the next call on the feature.
                    d = OGR_F_GetFieldAsString(feature, i).flatMap { Double(String(cString: $0)) }
                }
                guard let d, d.isFinite, d >= 0 else {
                    throw LastmileError.badInput(at, "expected a number of 0 or more")
                }
                return d
            }
            let at = SourceLocation(file: path, feature: ordinal)
            // OGR_F_GetGeometryRef borrows the feature's geometry (NULL when it has none); OGR_G_IsEmpty
            // returns TRUE for a geometry without points.
            guard let geometry = OGR_F_GetGeometryRef(feature), OGR_G_IsEmpty(geometry) == 0 else {
                throw LastmileError.badInput(at, "the tile has no geometry (expected its polygon)")
            }
            // OGR_G_Centroid returns OGRERR_NONE and sets the point (GEOS when available).
            guard OGR_G_Centroid(geometry, centroid) == OGRERR_NONE else {
                throw LastmileError.badInput(at, "cannot take the tile's centroid: not a polygon")
            }
            var x = OGR_G_GetX(centroid, 0)
            var y = OGR_G_GetY(centroid, 0)
            if let transform {
                // OCTTransform returns TRUE when the point was transformed.
                guard OCTTransform(transform.handle, 1, &x, &y, nil) != 0 else {
                    throw LastmileError.badInput(at, "cannot transform the tile's centroid to longitude/latitude")
                }
            }
            let tests = try value(3)
            let devices = try value(4)
            try body(
                SpeedTestTile(
                    centroid: Point(x: x, y: y), downloadKbps: try value(0), uploadKbps: try value(1),
                    latencyMs: try value(2), tests: Int(tests), devices: Int(devices)))
            count += 1
        }
        return count
    }

    /// The quarter of Ookla's file names: `2023Q4` in community extracts, `2023-10-01_performance_fixed_tiles`
    /// in Ookla's own releases (the quarter's first day). Nil when the name says neither.
    public static func quarter(fromName path: String) -> String? {
        let name = (path as NSString).lastPathComponent
        if let r = name.range(of: #"(19|20)\d\dQ[1-4]"#, options: .regularExpression) {
            return name[r].replacingOccurrences(of: "Q", with: " Q")
        }
        if let r = name.range(of: #"(19|20)\d\d-(01|04|07|10)-01"#, options: .regularExpression) {
            let month = Int(name[r].dropFirst(5).prefix(2))!
            return "\(name[r].prefix(4)) Q\((month - 1) / 3 + 1)"
        }
        return nil
    }

    /// Fixed or mobile, from Ookla's file names (`…_fixed_…`, `…_mobile_…`); nil when neither.
    public static func kind(fromName path: String) -> String? {
        let name = (path as NSString).lastPathComponent.lowercased()
        if name.contains("fixed") { return "fixed" }
        if name.contains("mobile") { return "mobile" }
        return nil
    }
}
