import Foundation
import GeoIO
import Ingest
import LastmileKit

/// The peer benchmark's P2 pipeline (the peer kit's README, "P2 spatial join"; see README.md beside this
/// file): place each row of `locations.csv` in the polygon of `blockgroups.gpkg` containing it, count
/// the points per block group and the points whose `block_geoid` does not start with that block
/// group's GEOID, and compute the peers' digest line.
struct P2Pipeline {
    let dataDirectory: String
    let threads: Int

    /// What one run produced.
    struct Outcome {
        var digest: String
        var points: Int
        /// Seconds per phase: reading the polygons (GDAL), building the locator, reading the points,
        /// the join, and counting, sorting and hashing for the digest.
        var polygonSeconds: Double
        var indexSeconds: Double
        var pointSeconds: Double
        var joinSeconds: Double
        var digestSeconds: Double
    }

    func run() throws -> Outcome {
        let polygonsPath = (dataDirectory as NSString).appendingPathComponent("blockgroups.gpkg")
        let pointsPath = (dataDirectory as NSString).appendingPathComponent("locations.csv")
        let t0 = Date()
        // The layer's own coordinates (NAD83 lon/lat), as the points are given and the peers test them.
        let shapes = try VectorSource.readShapes(path: polygonsPath, layer: "blockgroups", idField: "GEOID")
        let t1 = Date()
        let locator = AreaLocator(geometries: shapes.map(\.geometry))
        let t2 = Date()
        let points = try LocationPoints.read(path: pointsPath, threads: threads)
        let t3 = Date()
        let found = locator.areas(containing: points.positions, threads: threads)
        let t4 = Date()

        // A block group's GEOID as a number, to compare with the first 12 digits of a block GEOID
        // (`block / 1000`); nil for an id that is not 12 digits, which no block's prefix equals.
        let blockGroupNumbers: [UInt64?] = shapes.map { shape in
            let text = shape.id.rawValue
            return text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } ? UInt64(text) : nil
        }
        var counts = [Int](repeating: 0, count: shapes.count)
        var matched = 0
        var prefixMismatches = 0
        for (row, area) in found.enumerated() {
            guard let area else { continue }
            matched += 1
            counts[area] += 1
            if points.blocks.isEmpty || blockGroupNumbers[area] != points.blocks[row] / 1000 { prefixMismatches += 1 }
        }
        // `common.py` p2_digest: MD5 over `GEOID,count\n` for the block groups holding a point, by GEOID.
        let order = counts.indices.filter { counts[$0] > 0 }.sorted {
            shapes[$0].id.rawValue.utf8.lexicographicallyPrecedes(shapes[$1].id.rawValue.utf8)
        }
        var md5 = MD5()
        for i in order { md5.update("\(shapes[i].id.rawValue),\(counts[i])\n".utf8) }
        let digest =
            "P2 points=\(points.count) matched=\(matched) unmatched=\(points.count - matched) "
            + "prefix_mismatch=\(prefixMismatches) block_groups=\(order.count) md5=\(md5.hex().prefix(12))"
        let t5 = Date()
        return Outcome(
            digest: digest, points: points.count, polygonSeconds: t1.timeIntervalSince(t0),
            indexSeconds: t2.timeIntervalSince(t1), pointSeconds: t3.timeIntervalSince(t2),
            joinSeconds: t4.timeIntervalSince(t3), digestSeconds: t5.timeIntervalSince(t4))
    }
}
