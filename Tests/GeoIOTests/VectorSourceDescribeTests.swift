import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

@Suite struct VectorSourceDescribeTests {
    static let hawaiiTracts = TestPaths.realData("tiger-tracts-hawaii/tracts_2015_st15.geojson")
    static let counties = TestPaths.realData("us-counties-fips/geojson-counties-fips.json")

    @Test func describesHawaiiTracts() throws {
        let d = try VectorSource.describe(path: Self.hawaiiTracts)
        #expect(d.driver == "GeoJSON")
        #expect(d.path == Self.hawaiiTracts)
        let layer = try #require(d.layers.first)
        #expect(d.layers.count == 1)
        // `ogrinfo -so -al tracts_2015_st15.geojson`: layer tracts_2015_st15, Feature Count: 351,
        // Geometry: Unknown (any), ID["EPSG",4326], 12 fields, Extent: (-178.443593, 18.865460) - (-154.755792, 28.517269)
        #expect(layer.name == "tracts_2015_st15")
        #expect(layer.featureCount == 351)
        #expect(layer.geometryType == "Unknown (any)")
        #expect(layer.crs?.epsg == 4326)
        #expect(layer.crs?.identifier == "EPSG:4326")
        #expect(layer.crs?.name == "WGS 84")
        #expect(
            layer.fields.map(\.name) == [
                "STATEFP", "COUNTYFP", "TRACTCE", "GEOID", "NAME", "NAMELSAD", "MTFCC",
                "FUNCSTAT", "ALAND", "AWATER", "INTPTLAT", "INTPTLON",
            ])
        #expect(layer.field(named: "GEOID")?.type == "String")
        #expect(layer.field(named: "ALAND")?.type == "Real")
        let extent = try #require(layer.extent)
        #expect(abs(extent.minX - -178.443593) < 1e-6 && abs(extent.maxX - -154.755792) < 1e-6)
        #expect(abs(extent.minY - 18.865460) < 1e-6 && abs(extent.maxY - 28.517269) < 1e-6)
    }

    @Test func describesCountiesAndEncodesJSON() throws {
        let d = try VectorSource.describe(path: Self.counties)
        let layer = try #require(d.layers.first)
        // `ogrinfo -so -al geojson-counties-fips.json`: Feature Count: 3221; fields id (String), GEO_ID, STATE,
        // COUNTY, NAME, LSAD (String), CENSUSAREA (Real); Extent: (-179.147340, 17.884813) - (179.778470, 71.352561)
        #expect(layer.featureCount == 3221)
        #expect(
            layer.fields == [
                FieldDescription(name: "id", type: "String"), FieldDescription(name: "GEO_ID", type: "String"),
                FieldDescription(name: "STATE", type: "String"), FieldDescription(name: "COUNTY", type: "String"),
                FieldDescription(name: "NAME", type: "String"), FieldDescription(name: "LSAD", type: "String"),
                FieldDescription(name: "CENSUSAREA", type: "Real"),
            ])
        #expect(abs((layer.extent?.maxY ?? 0) - 71.352561) < 1e-6)
        let json = try JSONEncoder().encode(d)
        let back = try JSONDecoder().decode(SourceDescription.self, from: json)
        #expect(back == d)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"featureCount\":3221"))
        #expect(text.contains("\"driver\":\"GeoJSON\""))
    }

    @Test func describesAZippedShapefileInNAD83() throws {
        let dir = try TemporaryDirectory()
        let zipped = dir.file("tracts.shp.zip")
        let made = try ExternalTool.run(
            "ogr2ogr", ["-f", "ESRI Shapefile", zipped, Fixtures.path("two-tracts-nad83.geojson")])
        #expect(made.status == 0, "\(made.errorOutput)")
        for path in [zipped, "/vsizip/" + zipped] {
            let d = try VectorSource.describe(path: path)
            #expect(d.driver == "ESRI Shapefile")
            let layer = try #require(d.layers.first)
            #expect(layer.featureCount == 2)
            #expect(layer.geometryType == "Polygon")  // shapefiles declare Polygon for polygons and multipolygons
            // The .prj is ESRI WKT without authority (GEOGCS["GCS_North_American_1983", …]):
            // OSRAutoIdentifyEPSG finds 4269, whose registry name is NAD83.
            #expect(layer.crs?.epsg == 4269)
            #expect(layer.crs?.identifier == "EPSG:4269")
            #expect(layer.crs?.name == "NAD83")
            #expect(layer.field(named: "TRACTNUM")?.type == "Integer")
            // Extent of the fixture's coordinates, read off the file: x -69.9…-69.45, y 43.9…44.0.
            #expect(layer.extent == BoundingBox(minX: -69.9, minY: 43.9, maxX: -69.45, maxY: 44.0))
        }
    }

    @Test func describesAGeoPackageMadeWithOgr2ogrInConusAlbers() throws {
        let dir = try TemporaryDirectory()
        let gpkg = dir.file("tracts.gpkg")
        let made = try ExternalTool.run(
            "ogr2ogr",
            [
                "-f", "GPKG", "-t_srs", "EPSG:5070", "-nln", "tracts", gpkg,
                Fixtures.path("two-tracts-nad83.geojson"),
            ])
        #expect(made.status == 0, "\(made.errorOutput)")
        let d = try VectorSource.describe(path: gpkg)
        #expect(d.driver == "GPKG")
        #expect(d.layers.map(\.name) == ["tracts"])
        #expect(d.layers[0].crs?.epsg == 5070)
        #expect(d.layers[0].crs?.name == "NAD83 / Conus Albers")
    }

    @Test func describesACSVWithoutCRS() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("points.csv", "id,WKT\n1,\"POINT (-70 44)\"\n2,\"POINT (-69 45)\"\n")
        let d = try VectorSource.describe(path: csv)
        #expect(d.driver == "CSV")
        #expect(d.layers[0].crs == nil)
        #expect(d.layers[0].featureCount == 2)
        #expect(d.layers[0].fields.map(\.name) == ["id", "WKT"])
    }
}
