import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

@Suite struct VectorSourceReadAreasTests {
    static let hawaiiTracts = TestPaths.realData("tiger-tracts-hawaii/tracts_2015_st15.geojson")
    static let fixture = Fixtures.path("two-tracts-nad83.geojson")

    @Test func readsHawaiiTracts() throws {
        let areas = try VectorSource.readAreas(path: Self.hawaiiTracts, idField: "GEOID")
        // ogr2ogr -dialect sqlite -sql "select count(*), count(distinct GEOID), sum(ALAND) …": 351, 351, 16634133472
        #expect(areas.count == 351)
        #expect(Set(areas.map(\.id)).count == 351)
        #expect(areas.allSatisfy { $0.id.rawValue.count == 11 && $0.id.rawValue.hasPrefix("15") })
        #expect(areas.compactMap(\.landAreaSquareMetres).reduce(0, +) == 16_634_133_472)
        // … sum(ST_NumGeometries(geometry)) = 363 polygons
        #expect(areas.reduce(0) { $0 + $1.geometry.polygons.count } == 363)

        // ogrinfo -al -where "GEOID='15003006500'": NAMELSAD = Census Tract 65, ALAND = 9692151, AWATER = 0;
        // ST_Area(ST_Transform(SetSRID(geometry,4326),5070)) = 9692149.87147377;
        // ST_MinX/MinY/MaxX/MaxY = -157.864155, 21.348949, -157.809655, 21.38503
        let tract = try #require(areas.first { $0.id == AreaID("15003006500") })
        #expect(tract.name == "Census Tract 65")
        #expect(tract.landAreaSquareMetres == 9_692_151)
        #expect(abs(tract.geometry.area - 9_692_149.871_473_77) < 0.5)
        #expect(abs(tract.geometry.area - (9_692_151 + 0)) / 9_692_151 < 1e-4)  // Albers is equal-area: ≈ ALAND+AWATER
        let box = tract.geographicGeometry.boundingBox
        #expect(abs(box.minX - -157.864155) < 1e-9 && abs(box.minY - 21.348949) < 1e-9)
        #expect(abs(box.maxX - -157.809655) < 1e-9 && abs(box.maxY - 21.38503) < 1e-9)

        // ST_NPoints = 47 for 15003003407, a one-ring polygon: 46 once the closing point is dropped.
        let small = try #require(areas.first { $0.id == AreaID("15003003407") })
        #expect(small.geographicGeometry.polygons.map { $0.rings.map(\.count) } == [[46]])
        #expect(small.geometry.polygons.map { $0.rings.map(\.count) } == [[46]])

        // All of Hawaii: sum of ST_Area in EPSG:5070 = 28411798405.8972; sum(ALAND+AWATER) = 28411857888.
        let total = areas.reduce(0) { $0 + $1.geometry.area }
        #expect(abs(total - 28_411_798_405.8972) < 50)
        // Layer extent from ogrinfo: (-178.443593, 18.865460) - (-154.755792, 28.517269)
        let all = areas.reduce(BoundingBox.empty) { $0.union($1.geographicGeometry.boundingBox) }
        #expect(abs(all.minX - -178.443593) < 1e-6 && abs(all.maxX - -154.755792) < 1e-6)
        #expect(abs(all.minY - 18.865460) < 1e-6 && abs(all.maxY - 28.517269) < 1e-6)
    }

    @Test func readsAllUSCountiesKeyedByTopLevelId() throws {
        let path = TestPaths.realData("us-counties-fips/geojson-counties-fips.json")
        let areas = try VectorSource.readAreas(path: path, idField: "id")
        // ogr2ogr -dialect sqlite -sql "select count(*), sum(ST_NumGeometries(geometry)) …": 3221, 3429
        #expect(areas.count == 3221)
        #expect(areas.reduce(0) { $0 + $1.geometry.polygons.count } == 3429)
        #expect(areas.allSatisfy { $0.landAreaSquareMetres == nil })  // no ALAND column
        // … "select id, NAME, ST_Area(ST_Transform(SetSRID(geometry,4326),5070)) … where id in (…)":
        // 15005 Kalawao 30884521.3189268; 23023 Sagadahoc 754357012.100847; 02016 Aleutians West 11980362076.5627
        let byID = Dictionary(uniqueKeysWithValues: areas.map { ($0.id.rawValue, $0) })
        #expect(byID["15005"]?.name == "Kalawao")
        #expect(abs((byID["15005"]?.geometry.area ?? 0) - 30_884_521.318_926_8) < 0.5)
        #expect(abs((byID["23023"]?.geometry.area ?? 0) - 754_357_012.100_847) < 1)
        // Aleutians West crosses the antimeridian: 35 parts on both sides of ±180°.
        let aleutians = try #require(byID["02016"])
        #expect(aleutians.geometry.polygons.count == 35)
        #expect(abs(aleutians.geometry.area - 11_980_362_076.562_7) < 10)
        #expect(
            aleutians.geographicGeometry.boundingBox.minX < -179 && aleutians.geographicGeometry.boundingBox.maxX > 179)
    }

    /// Checks the two fixture tracts, whatever format they were converted to.
    private func checkFixtureAreas(_ areas: [Area], idPrefix: String = "2302300") throws {
        #expect(areas.map(\.id.rawValue) == ["23023000100", "23023000200"])
        let first = areas[0]
        let second = areas[1]
        #expect(first.name == "Census Tract 1")
        #expect(second.name == "23023000200")  // NAMELSAD is NULL: the id stands in
        #expect(first.landAreaSquareMetres == 71_000_000.5)
        #expect(second.landAreaSquareMetres == nil)
        // NAD83 → WGS 84 is a null shift in PROJ: lon/lat come back as written in the fixture.
        #expect(first.geographicGeometry.boundingBox == BoundingBox(minX: -69.9, minY: 43.9, maxX: -69.8, maxY: 44.0))
        #expect(first.geographicGeometry.polygons.count == 1 && first.geographicGeometry.polygons[0].rings.count == 2)
        #expect(second.geographicGeometry.polygons.count == 2)
        // ogr2ogr -dialect sqlite -sql "select GEOID, ST_Area(ST_Transform(geometry, 5070)) …":
        // 74922028.0957618 and 111500370.551206
        #expect(abs(first.geometry.area - 74_922_028.095_761_8) < 0.01)
        #expect(abs(second.geometry.area - 111_500_370.551_206) < 0.01)
        // echo "-69.9 43.9" | gdaltransform -s_srs EPSG:4269 -t_srs EPSG:5070 → 2062694.55954434 2608210.93512254
        let corner = Point(x: 2_062_694.559_544_34, y: 2_608_210.935_122_54)
        #expect(
            first.geometry.polygons[0].exterior.contains { abs($0.x - corner.x) < 1e-4 && abs($0.y - corner.y) < 1e-4 })
    }

    @Test func readsTheNAD83FixtureAsGeoJSON() throws {
        try checkFixtureAreas(try VectorSource.readAreas(path: Self.fixture, idField: "GEOID"))
    }

    @Test func readsAZippedShapefileReprojectedFromNAD83() throws {
        let dir = try TemporaryDirectory()
        let zipped = dir.file("tracts.shp.zip")
        let made = try ExternalTool.run("ogr2ogr", ["-f", "ESRI Shapefile", zipped, Self.fixture])
        #expect(made.status == 0, "\(made.errorOutput)")
        try checkFixtureAreas(try VectorSource.readAreas(path: zipped, idField: "GEOID"))
        try checkFixtureAreas(try VectorSource.readAreas(path: "/vsizip/" + zipped, idField: "GEOID"))
        // Integer-typed ids keep their digits.
        let byNumber = try VectorSource.readAreas(path: zipped, idField: "TRACTNUM")
        #expect(byNumber.map(\.id.rawValue) == ["100", "200"])
    }

    @Test func readsAGzippedGeoJSON() throws {
        let dir = try TemporaryDirectory()
        let copy = dir.file("tracts.geojson")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: copy)
        #expect(try ExternalTool.run("gzip", [copy]).status == 0)
        try checkFixtureAreas(try VectorSource.readAreas(path: copy + ".gz", idField: "GEOID"))
    }

    @Test func readsAProjectedGeoPackageBackToLonLat() throws {
        let dir = try TemporaryDirectory()
        let gpkg = dir.file("albers.gpkg")
        let made = try ExternalTool.run("ogr2ogr", ["-f", "GPKG", "-t_srs", "EPSG:5070", gpkg, Self.fixture])
        #expect(made.status == 0, "\(made.errorOutput)")
        let areas = try VectorSource.readAreas(path: gpkg, idField: "GEOID")
        // Two PROJ round trips: allow 1e-9 degrees (0.1 mm).
        let box = areas[0].geographicGeometry.boundingBox
        #expect(abs(box.minX - -69.9) < 1e-9 && abs(box.maxX - -69.8) < 1e-9)
        #expect(abs(box.minY - 43.9) < 1e-9 && abs(box.maxY - 44.0) < 1e-9)
        #expect(abs(areas[0].geometry.area - 74_922_028.095_761_8) < 0.01)
    }

    @Test func acceptsAnyProjectedEqualAreaCRS() throws {
        // ogr2ogr -t_srs ESRI:102003 then ST_Area(geom): 74922028.0957626 and 111500370.551206.
        let areas = try VectorSource.readAreas(path: Self.fixture, idField: "GEOID", equalAreaCRS: "ESRI:102003")
        #expect(abs(areas[0].geometry.area - 74_922_028.095_762_6) < 0.01)
        #expect(abs(areas[1].geometry.area - 111_500_370.551_206) < 0.01)
        // Same numbers as EPSG:5070, but different coordinates (other false origin).
        #expect(areas[0].geometry.boundingBox.minX < 2_062_000)
    }

    @Test func rejectsAnEqualAreaCRSThatIsNotProjectedMetres() {
        #expect(throws: LastmileError.self) {
            try VectorSource.readAreas(path: Self.fixture, idField: "GEOID", equalAreaCRS: "EPSG:4326")
        }
        do {
            _ = try VectorSource.readAreas(path: Self.fixture, idField: "GEOID", equalAreaCRS: "EPSG:999999")
            Issue.record("expected a usage error")
        } catch let error as LastmileError {
            guard case .usage(let message) = error else {
                Issue.record("got \(error)")
                return
            }
            #expect(message.contains("EPSG:999999"))
            #expect(error.exitCode == 64)
        } catch { Issue.record("got \(error)") }
    }

    @Test func readsFeatureAttributes() throws {
        let records = try VectorSource.readFeatures(path: Self.hawaiiTracts, idField: "GEOID")
        #expect(records.count == 351)
        // ogrinfo -al -where "GEOID='15003003407'": TRACTCE = 003407, NAME = 34.07, INTPTLON = -157.8353447
        let r = try #require(records.first { $0.id == AreaID("15003003407") })
        #expect(r.attributes["TRACTCE"] == "003407")
        #expect(r.attributes["NAME"] == "34.07")
        #expect(r.attributes["INTPTLON"] == "-157.8353447")
        #expect(r.attributes["ALAND"] == "123780")
        #expect(r.feature >= 1 && r.feature <= 351)
        // Counties: the top-level GeoJSON `id` is a field; Kalawao is 15005 (ogrinfo -where "id='15005'").
        let counties = try VectorSource.readFeatures(
            path: TestPaths.realData("us-counties-fips/geojson-counties-fips.json"),
            idField: "id")
        #expect(counties.count == 3221)
        #expect(counties.first { $0.id == AreaID("15005") }?.attributes["NAME"] == "Kalawao")
    }

    @Test func picksALayerByName() throws {
        let dir = try TemporaryDirectory()
        let gpkg = dir.file("two-layers.gpkg")
        #expect(try ExternalTool.run("ogr2ogr", ["-f", "GPKG", "-nln", "first", gpkg, Self.fixture]).status == 0)
        #expect(try ExternalTool.run("ogr2ogr", ["-update", "-nln", "second", gpkg, Self.fixture]).status == 0)
        #expect(try VectorSource.readAreas(path: gpkg, layer: "second", idField: "GEOID").count == 2)
        do {
            _ = try VectorSource.readAreas(path: gpkg, idField: "GEOID")
            Issue.record("expected badInput for an unnamed layer")
        } catch let LastmileError.badInput(at, message) {
            #expect(at.file == gpkg)
            #expect(message.contains("first") && message.contains("second"))
        }
    }
}
