import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

/// The demo's road layer measured by `RoadNetwork`, against SpatiaLite through GDAL's SQLite dialect.
@Suite struct RoadNetworkDemoTests {
    static let roads = TestPaths.repo("datasets/demo/roads.geojson")
    static let areas = TestPaths.repo("datasets/demo/blockgroups.geojson")

    /// Independent: ogr2ogr both layers to EPSG:5070 into one GeoPackage, then SpatiaLite
    /// Σ ST_Length(ST_Intersection(road, block group)) over the default classes. Demo roads run through
    /// cell centres, never along block-group edges, so the half rule changes nothing and the plain
    /// intersection is the expected value. Run on 2026-11-28: total 595,315.341 m; block group
    /// 239900001001: 3,031.368 m; 239900006008: 17,736.023 m.
    @Test func demoLengthsMatchSpatiaLite() throws {
        let areas = try VectorSource.readAreas(path: Self.areas, idField: "GEOID")
        let lengths = try RoadNetwork.lengths(path: Self.roads, areas: areas)
        #expect(lengths.classes == ["S1200", "S1400", "S1640"])
        #expect(lengths.featuresRead == 148)
        #expect(lengths.featuresUsed == 141)  // 135 local + 3 arterials + 3 service drives

        let dir = try TemporaryDirectory()
        let gpkg = dir.file("check.gpkg")
        for (source, name, update) in [(Self.areas, "bg", false), (Self.roads, "roads", true)] {
            let made = try ExternalTool.run(
                "ogr2ogr",
                (update ? ["-update"] : ["-f", "GPKG"])
                    + [gpkg, source, "-nln", name, "-t_srs", "EPSG:5070"])
            try #require(made.status == 0, "\(made.errorOutput)")
        }
        let sql =
            "SELECT b.GEOID AS id, SUM(ST_Length(ST_Intersection(r.geom, b.geom))) AS m FROM roads r, bg b "
            + "WHERE r.MTFCC IN ('S1200','S1400','S1640') AND ST_Intersects(r.geom, b.geom) GROUP BY b.GEOID"
        let info = try ExternalTool.run("ogrinfo", ["-ro", "-q", gpkg, "-dialect", "sqlite", "-sql", sql])
        try #require(info.status == 0, "\(info.errorOutput)")
        var expected: [String: Double] = [:]
        var id: String?
        for line in info.output.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("id (String) = ") { id = String(t.dropFirst("id (String) = ".count)) }
            if t.hasPrefix("m (Real) = "), let id { expected[id] = Double(t.dropFirst("m (Real) = ".count)) }
        }
        #expect(expected.count == 54)
        for (area, metres) in expected {
            #expect(abs((lengths.metresByArea[AreaID(area)] ?? -1) - metres) < 0.01, "\(area)")
        }
        #expect(abs(lengths.totalMetres - expected.values.reduce(0, +)) < 0.5)
        #expect(abs(lengths.totalMetres - 595_315.341) < 0.5)
        #expect(abs(lengths.metresByArea[AreaID("239900001001")]! - 3_031.368) < 0.01)
        #expect(abs(lengths.metresByArea[AreaID("239900006008")]! - 17_736.023) < 0.01)
    }
}
