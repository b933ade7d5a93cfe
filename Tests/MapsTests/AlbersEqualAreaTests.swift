import GeoModel
import Testing

@testable import Maps

/// The pure-Swift Albers against GDAL/PROJ: expected metres from
/// `gdaltransform -s_srs EPSG:4269 -t_srs <CRS> -output_xy` (GDAL 3.6, PROJ 9.1, this machine).
struct AlbersEqualAreaTests {
    func expectClose(_ p: Point, _ x: Double, _ y: Double, within tolerance: Double = 0.01) {
        #expect(abs(p.x - x) < tolerance && abs(p.y - y) < tolerance, "got (\(p.x), \(p.y)), GDAL (\(x), \(y))")
    }

    @Test func conusMatchesEPSG5070() {
        // -96 23 → 0 0 (the origin); -70 45 → 2021877.47839986 2724040.21681341;
        // -157.8 21.3 → -6122705.62174079 1879908.86821958
        let a = AlbersEqualArea.conus
        expectClose(a.project(Point(x: -96, y: 23)), 0, 0)
        expectClose(a.project(Point(x: -70, y: 45)), 2021877.47839986, 2724040.21681341)
        expectClose(a.project(Point(x: -157.8, y: 21.3)), -6122705.62174079, 1879908.86821958)
    }

    @Test func alaskaMatchesEPSG3338AcrossTheAntimeridian() {
        // -149.9 61.2 (Anchorage) → 219490.510679785 1253281.98256165;
        // 179.5 51.8 (western Aleutians, east longitude) → -1789229.20387239 560634.731365911
        let a = AlbersEqualArea.alaska
        expectClose(a.project(Point(x: -149.9, y: 61.2)), 219490.510679785, 1253281.98256165)
        expectClose(a.project(Point(x: 179.5, y: 51.8)), -1789229.20387239, 560634.731365911)
    }

    @Test func hawaiiMatchesESRI102007() {
        // -157.8 21.3 (Honolulu) → -83584.3302734811 918973.937920023; -178.3 28.4 (Kure) → -2158662.64889402 1780292.46996467
        let a = AlbersEqualArea.hawaii
        expectClose(a.project(Point(x: -157.8, y: 21.3)), -83584.3302734811, 918973.937920023)
        expectClose(a.project(Point(x: -178.3, y: 28.4)), -2158662.64889402, 1780292.46996467)
    }
}
